package io.newsflow.enrich.text.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageGuesserTest {

  private final LanguageGuesser guesser = new LanguageGuesser();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "en|The government said on Monday that it would not change its plans for the new railway, which has been "
          + "delayed by more than two years.",
      "de|Die Regierung hat am Montag erklärt, dass sie ihre Pläne für die neue Bahnstrecke nicht ändern wird, "
          + "die sich um mehr als zwei Jahre verzögert hat.",
      "fr|Le gouvernement a déclaré lundi qu'il ne changerait pas ses projets pour la nouvelle ligne de chemin de "
          + "fer, qui a été retardée de plus de deux ans.",
      "es|El gobierno dijo el lunes que no cambiará sus planes para la nueva línea de ferrocarril, que se ha "
          + "retrasado más de dos años.",
      "it|Il governo ha detto lunedì che non cambierà i suoi piani per la nuova linea ferroviaria, che è stata "
          + "ritardata di oltre due anni.",
      "nl|De regering heeft maandag gezegd dat zij haar plannen voor de nieuwe spoorlijn niet zal wijzigen, die "
          + "met meer dan twee jaar is vertraagd.",
      "pt|O governo disse na segunda-feira que não vai mudar os seus planos para a nova linha ferroviária, que "
          + "está atrasada há mais de dois anos.",
      "sv|Regeringen sade på måndagen att den inte kommer att ändra sina planer för den nya järnvägen, som har "
          + "försenats med mer än två år."})
  void tellsTheLanguagesApart(String expected, String text) {
    assertThat(guesser.guess(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Putin", "NATO summit ends", "Brexit: Johnson, Merkel, Macron",
      "xqz vlorp gnarf blick zweeb trunk plimth"})
  void isUndeterminedWhenTheTextIsTooShortOrMatchesNoProfile(String text) {
    assertThat(guesser.guess(text)).isEqualTo(LanguageGuesser.UNDETERMINED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "de", "fr", "es", "it", "nl", "pt", "sv"})
  void knowsEightLanguages(String code) {
    assertThat(LanguageGuesser.languages()).hasSize(8).contains(code);
  }
}
