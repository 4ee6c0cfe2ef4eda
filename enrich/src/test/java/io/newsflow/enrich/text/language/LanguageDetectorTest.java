package io.newsflow.enrich.text.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageDetectorTest {

  private final LanguageDetector detector = new LanguageDetector();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "en|Rescue teams searched through the night for survivors after a landslide buried several homes in the "
          + "hillside village, officials said on Saturday, warning that more rain was expected.",
      "de|Die Bundesregierung will die Förderung für Elektroautos im kommenden Jahr deutlich kürzen. Verbände "
          + "kritisierten die Pläne am Mittwoch scharf und warnten vor einem Einbruch der Verkaufszahlen.",
      "fr|Le Premier ministre a annoncé jeudi une série de mesures pour soutenir les agriculteurs touchés par la "
          + "sécheresse, dont une aide d'urgence versée avant la fin du mois.",
      "es|Las autoridades sanitarias confirmaron este martes un aumento de los casos de gripe en varias regiones "
          + "del país y pidieron a la población que se vacune cuanto antes.",
      "it|Il consiglio comunale ha approvato ieri sera il nuovo piano del traffico, che prevede la chiusura del "
          + "centro storico alle auto private nei fine settimana.",
      "pt|O presidente da câmara anunciou ontem que as obras na ponte principal vão começar no próximo mês e "
          + "deverão durar cerca de um ano."})
  void namesTheLanguageOfANewsParagraph(String expected, String text) {
    assertThat(detector.detect(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Putin", "NATO summit ends", "Brexit: Johnson, Merkel, Macron",
      "xqz vlorp gnarf blick zweeb trunk plimth"})
  void isUndeterminedWhenTheTextIsTooShortOrNoLanguageIsClearlyAhead(String text) {
    assertThat(detector.detect(text)).isEqualTo(LanguageGuesser.UNDETERMINED);
  }

  @ParameterizedTest
  @CsvSource({"eng,en", "deu,de", "fra,fr", "spa,es", "cmn,zh", "pes,fa", "nob,nb"})
  void mapsTheModelsThreeLetterCodesToTwoLetterOnes(String iso6393, String iso6391) {
    assertThat(LanguageDetector.twoLetter(iso6393)).isEqualTo(iso6391);
  }
}
