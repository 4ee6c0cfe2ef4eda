package io.newsflow.enrich.text.language;

import io.newsflow.enrich.text.words.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a text as an ISO 639-1 code, from Apache OpenNLP's character n-gram model for 103
 * languages ({@code langdetect-183.bin} in the {@code opennlp-models-langdetect} artifact, Apache-2.0,
 * read from the classpath: nothing is downloaded), evaluated by {@link CharNgramLanguageModel}. The
 * model always names some language, so its answer counts only when it is clearly ahead; otherwise the
 * function-word {@link LanguageGuesser} decides, which says "und" unless the text is plainly one of the
 * languages it knows. Thread-safe.
 */
public final class LanguageDetector {

  /** The model's resource at the root of the artifact. */
  static final String MODEL = "/langdetect-183.bin";
  /** The model's best guess needs this probability (well-formed sentences score 0.1-0.4, noise about 0.02) ... */
  static final double MIN_CONFIDENCE = 0.05;
  /** ... and this many times the runner-up's. */
  static final double MIN_LEAD = 2.0;
  /**
   * The start of a long text is as telling as the whole, and the model's cost grows with length: at
   * 2,000 characters detection was two thirds of enrich's time in the profile of {@code newsflow bench}
   * (README, Benchmarks); 600 characters (about 100 words) still give the model ample n-grams.
   */
  public static final int MAX_CHARS = 600;

  /** ISO 639-3 codes of the model that are not the ISO 639-2 code Java knows for a 639-1 language. */
  private static final Map<String, String> INDIVIDUAL_LANGUAGES = Map.of(
      "cmn", "zh", "pes", "fa", "lvs", "lv", "ekk", "et", "zsm", "ms", "swh", "sw", "uzn", "uz", "khk", "mn",
      "azj", "az", "nob", "nb");
  private static final Map<String, String> TWO_LETTER = twoLetterCodes();

  private final LanguageGuesser guesser;
  private final Tokenizer tokenizer;

  public LanguageDetector() {
    this(new Tokenizer());
  }

  public LanguageDetector(Tokenizer tokenizer) {
    this.tokenizer = tokenizer;
    this.guesser = new LanguageGuesser(tokenizer);
  }

  /** ISO 639-1 code of the text, or "und" when it is too short or no language is clearly ahead. */
  public String detect(String text) {
    return detect(text, tokenizer.tokenize(text));
  }

  /** As {@link #detect(String)} when the caller already has the text's {@link Tokenizer} tokens. */
  public String detect(String text, List<String> tokens) {
    if (tokens.size() < LanguageGuesser.MIN_TOKENS) {
      return LanguageGuesser.UNDETERMINED;
    }
    CharSequence sample = text.length() > MAX_CHARS ? text.subSequence(0, MAX_CHARS) : text;
    double[] probabilities = Model.LANGUAGES.probabilities(sample);
    // first and second place as OpenNLP's stable sort ranks them: on a tie the lower outcome index first
    int top = 0;
    for (int i = 1; i < probabilities.length; i++) {
      if (probabilities[i] > probabilities[top]) {
        top = i;
      }
    }
    double best = probabilities[top];
    double second = 0.0;
    for (int i = 0; i < probabilities.length; i++) {
      if (i != top && probabilities[i] > second) {
        second = probabilities[i];
      }
    }
    String code = TWO_LETTER.get(Model.LANGUAGES.outcome(top));
    if (code != null && best >= MIN_CONFIDENCE && best >= MIN_LEAD * second) {
      return code;
    }
    return guesser.guessFromTokens(tokens);
  }

  /** The shared model, for tests that read its probabilities. */
  static CharNgramLanguageModel model() {
    return Model.LANGUAGES;
  }

  /** ISO 639-1 for an ISO 639-3 code, or null when the language has no two-letter code. */
  static String twoLetter(String iso6393) {
    return TWO_LETTER.get(iso6393);
  }

  private static Map<String, String> twoLetterCodes() {
    Map<String, String> codes = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      codes.put(Locale.forLanguageTag(two).getISO3Language(), two);
    }
    codes.putAll(INDIVIDUAL_LANGUAGES);
    return Map.copyOf(codes);
  }

  /** Loaded on first use (a few seconds; about 20 MB of tables), then shared by every detector. */
  private static final class Model {
    static final CharNgramLanguageModel LANGUAGES = CharNgramLanguageModel.of(load().getMaxentModel());

    /** OpenNLP's own reader of the model file. */
    static LanguageDetectorModel load() {
      try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL)) {
        if (in == null) {
          throw new IllegalStateException("missing " + MODEL + ": is opennlp-models-langdetect on the classpath?");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + MODEL, e);
      }
    }
  }
}
