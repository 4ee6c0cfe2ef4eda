package io.newsflow.enrich.text.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.newsflow.platform.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast evaluator against OpenNLP's own {@link LanguageDetectorME} on the same model file. */
class CharNgramLanguageModelTest {

  private static final double TOLERANCE = 1e-6;

  private static LanguageDetectorME openNlp;
  private static CharNgramLanguageModel fast;

  @BeforeAll
  static void loadModel() throws IOException {
    try (InputStream in = LanguageDetector.class.getResourceAsStream(LanguageDetector.MODEL)) {
      LanguageDetectorModel model = new LanguageDetectorModel(in);
      openNlp = new LanguageDetectorME(model);
      fast = CharNgramLanguageModel.of(model.getMaxentModel());
    }
  }

  @Test
  void ranksEveryBbcArticleAsOpenNlpDoes() throws IOException {
    List<Path> files = bbcFiles();
    assertThat(files).hasSizeGreaterThan(2000);
    for (int i = 0; i < files.size(); i++) {
      // invalid UTF-8 (one file is Latin-1) becomes U+FFFD: still a text to rank
      String text = new String(Files.readAllBytes(files.get(i)), StandardCharsets.UTF_8);
      assertSameRanking(files.get(i).toString(), head(text));
      if (i % 10 == 0) {
        assertSameRanking(files.get(i) + " (whole)", text);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Die Bundesregierung will die Förderung für Elektroautos im kommenden Jahr deutlich kürzen.",
      "Le Premier ministre a annoncé jeudi une série de mesures pour soutenir les agriculteurs.",
      "Las autoridades sanitarias confirmaron este martes un aumento de los casos de gripe.",
      "Il consiglio comunale ha approvato ieri sera il nuovo piano del traffico.",
      "O presidente da câmara anunciou ontem que as obras na ponte principal vão começar.",
      "De gemeenteraad heeft gisteravond ingestemd met het nieuwe verkeersplan voor de binnenstad.",
      "Regeringen meddelade på tisdagen att skatten på bensin sänks från och med nästa år.",
      "Rząd ogłosił we wtorek, że podatek od paliwa zostanie obniżony od przyszłego roku.",
      "Правительство во вторник объявило о снижении налога на топливо со следующего года.",
      "Η κυβέρνηση ανακοίνωσε την Τρίτη ότι ο φόρος στα καύσιμα θα μειωθεί από τον επόμενο χρόνο.",
      "Hükümet salı günü akaryakıt vergisinin gelecek yıldan itibaren düşürüleceğini açıkladı. İSTANBUL",
      "الحكومة أعلنت يوم الثلاثاء أن الضريبة على الوقود ستخفض اعتبارا من العام المقبل",
      "सरकार ने मंगलवार को घोषणा की कि अगले साल से ईंधन पर कर कम किया जाएगा।",
      "政府周二宣布，从明年起将降低燃油税。",
      "政府は火曜日、来年から燃料税を引き下げると発表した。",
      "정부는 화요일 내년부터 연료세를 인하한다고 발표했다.",
      "Vláda v úterý oznámila, že daň z pohonných hmot se od příštího roku sníží.",
      "A kormány kedden bejelentette, hogy jövőre csökkenti az üzemanyag adóját.",
      // what the normalisation removes or folds: URLs, e-mail, hashtags, mentions, RT, smileys, laughs, digits
      "RT @someone: see https://example.com/a?b=1&c=2 or mail news.desk@example.co.uk #breaking :-) hahaha jajaja",
      "Prices rose 3.5% to 1,234 dollars in 2024 —   a lot\t\t of   money!!!!! Sooooo   much AAAaaa zZz",
      "Emoji 😀😀 in text 🎉 and a lone surrogate \uD83D here, math 𝐀𝐁𝐂 and Deseret 𐐀𐐁 capitals",
      "ΣΊΣΥΦΟΣ ΚΑΙ ΟΔΥΣΣΈΑΣ ΔΕΝ ΞΈΡΟΥΝ. ǅ ǈ ǋ Ǳ ẞ İ I ı",
      "   leading and trailing whitespace   ",
      "a",
      ""})
  void ranksSamplesOfManyLanguagesAndOddTextAsOpenNlpDoes(String text) {
    assertSameRanking(text, text);
  }

  @Test
  void probabilitiesSumToOneOverEveryLanguageOfTheModel() {
    double[] p = fast.probabilities("Rescue teams searched through the night for survivors.");
    assertThat(p).hasSize(openNlp.getSupportedLanguages().length);
    assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, offset(1e-9));
  }

  private static void assertSameRanking(String what, String text) {
    Language[] expected = openNlp.predictLanguages(text);
    double[] actual = fast.probabilities(text);
    assertThat(actual).as(what).hasSize(expected.length);
    assertThat(fast.outcome(argMax(actual))).as("best language of %s", what).isEqualTo(expected[0].getLang());
    for (Language language : expected) {
      double probability = actual[indexOf(language.getLang())];
      assertThat(Math.abs(probability - language.getConfidence()))
          .as("%s: %s %s, OpenNLP %s", what, language.getLang(), probability, language.getConfidence())
          .isLessThanOrEqualTo(TOLERANCE);
    }
  }

  private static int argMax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  private static int indexOf(String outcome) {
    for (int i = 0; i < fast.outcomeCount(); i++) {
      if (fast.outcome(i).equals(outcome)) {
        return i;
      }
    }
    throw new AssertionError("no outcome " + outcome);
  }

  private static String head(String text) {
    return text.length() > LanguageDetector.MAX_CHARS ? text.substring(0, LanguageDetector.MAX_CHARS) : text;
  }

  private static List<Path> bbcFiles() {
    try (Stream<Path> walk = Files.walk(SharedData.path("bbc-news-2225"))) {
      return new ArrayList<>(walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
