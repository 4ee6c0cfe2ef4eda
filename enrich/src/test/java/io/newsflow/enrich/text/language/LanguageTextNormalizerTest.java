package io.newsflow.enrich.text.language;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.platform.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written normalisation against OpenNLP's chain of regular expressions, output for output. */
class LanguageTextNormalizerTest {

  /** The chain {@code LanguageDetectorFactory.getContextGenerator()} builds, in its order. */
  private static final CharSequenceNormalizer OPENNLP = new AggregateCharSequenceNormalizer(
      EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
      TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
      ShrinkCharSequenceNormalizer.getInstance());

  /** Characters some step of the chain treats specially, and neighbours of them. */
  private static final String TRICKY = "hjHJaeiouAEIOUrtRT :;xX-dopDOP()0189\t\n\r\u000B\f\u0085\u2028@#._+/?&=~"
      + "éÉü\u0301\uE000\uFF21\uFFFF\u00A0s";

  private final LanguageTextNormalizer normalizer = new LanguageTextNormalizer();

  @Test
  void normalisesEveryBbcArticleAsOpenNlpDoes() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SharedData.path("bbc-news-2225"))) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(2000);
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      assertThat(normalizer.normalize(text)).as(file.toString()).isEqualTo(OPENNLP.normalize(text).toString());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "RT @someone: see https://example.com/a?b=1&c=2 or mail news.desk@example.co.uk #breaking",
      "rt: RT rt RTs part report Rt Hon _rt 1rt é rt",
      "Smileys :-) ;) XD x-p :o :P xp expected Exodus xd",
      "hahaha HaHa jajaja hehehe hihi ahah hhaaha Johnson Hahn Mohamed jojo hhaahhaa hAhA",
      "3.5% of 1,234 in 2024 and ٣٤ in Arabic digits",
      "Sooooo much AAAaaa zZz ... !!! \n\n\n   \t\t x\u000B\u000By \r\r\r",
      "a-b - -- --- \uE000\uF8FF \uFF21\uFF22 full width",
      "Emoji 😀😀 and a lone surrogate \uD83D here, math 𝐀𝐁𝐂 and Deseret 𐐀𐐁",
      "   ",
      ""})
  void normalisesOddTextAsOpenNlpDoes(String text) {
    assertThat(normalizer.normalize(text)).isEqualTo(OPENNLP.normalize(text).toString());
  }

  @Test
  void treatsEveryBmpCharacterAsOpenNlpDoes() {
    for (int code = 0; code <= Character.MAX_VALUE; code++) {
      char c = (char) code;
      String one = String.valueOf(c);
      for (String text : List.of(one, "a" + c + "b", "x" + c + c + c + "y", c + "h" + c + "ah")) {
        assertThat(normalizer.normalize(text)).as("U+%04X in %s", (int) c, text)
            .isEqualTo(OPENNLP.normalize(text).toString());
      }
    }
  }

  @Test
  void normalisesRandomStringsOfTheTrickyCharactersAsOpenNlpDoes() {
    Random random = new Random(20261122L);
    for (int round = 0; round < 50_000; round++) {
      char[] chars = new char[random.nextInt(30)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = TRICKY.charAt(random.nextInt(TRICKY.length()));
      }
      String text = new String(chars);
      assertThat(normalizer.normalize(text)).as("[%s]", text).isEqualTo(OPENNLP.normalize(text).toString());
    }
  }
}
