package io.newsflow.enrich.text;

import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The normalisation OpenNLP's {@code LanguageDetectorFactory} applies before taking n-grams: emoji, URLs and
 * e-mail addresses, hashtags, mentions and smileys, digits, then repeated characters and whitespace.
 * The language model was trained on text normalised this way. Thread-safe.
 */
final class LanguageTextNormalizer {

  private static final CharSequenceNormalizer OPENNLP = new AggregateCharSequenceNormalizer(
      EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
      TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
      ShrinkCharSequenceNormalizer.getInstance());

  CharSequence normalize(CharSequence text) {
    return OPENNLP.normalize(text);
  }
}
