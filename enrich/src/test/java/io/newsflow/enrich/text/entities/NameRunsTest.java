package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameRunsTest {

  @Test
  void connectorsArePartOfANameOnlyInside() {
    List<CasedToken> run = CasedToken.scan("of the Bank of England ,");

    assertThat(NameRuns.surfaceOf(NameRuns.trimConnectors(run))).isEqualTo("Bank of England");
    assertThat(NameRuns.hasConnector(CasedToken.scan("Ursula von der Leyen"))).isTrue();
    assertThat(NameRuns.hasConnector(CasedToken.scan("Keir Starmer"))).isFalse();
  }

  @Test
  void theWordBeforeARunIsLowerCaseAndEmptyAfterPunctuation() {
    List<CasedToken> tokens = CasedToken.scan("Talks in Kherson, Odesa");

    assertThat(NameRuns.previousWord(tokens, 0)).isEmpty();
    assertThat(NameRuns.previousWord(tokens, 2)).isEqualTo("in");
    assertThat(NameRuns.previousWord(tokens, 4)).isEmpty(); // after the comma
    assertThat(NameRuns.previousWord(tokens, 1)).isEqualTo("talks");
  }

  @Test
  void initialsSurfacesAndLastWords() {
    assertThat(NameRuns.isInitial(CasedToken.scan("M. Butcher").get(0))).isTrue();
    assertThat(NameRuns.isInitial(CasedToken.scan("Mr Butcher").get(0))).isFalse();
    assertThat(NameRuns.surfaceOf(CasedToken.scan("Johnson  &  Johnson"))).isEqualTo("Johnson & Johnson");
    assertThat(NameRuns.lastWord("Vladimir Putin")).isEqualTo("Putin");
    assertThat(NameRuns.lastWord("Putin")).isEqualTo("Putin");
  }
}
