package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaselessLinesTest {

  @Test
  void aLineInCapitalsNeedsALongCapitalisedWordAndFourFifthsOfItsWords() {
    assertThat(CaselessLines.isAllCaps(CasedToken.scan("MOSCOW TALKS END IN DEADLOCK"))).isTrue();
    assertThat(CaselessLines.isAllCaps(CasedToken.scan("NATO summit opens in Vilnius"))).isFalse();
    assertThat(CaselessLines.isAllCaps(CasedToken.scan("US UK EU"))).isFalse(); // no word of four letters
  }

  @Test
  void titleCaseCountsOnlyWordsOfFourLettersOrMore() {
    assertThat(CaselessLines.isTitleCase(CasedToken.scan("Putin Warns Nato Over New Deployments"))).isTrue();
    // "of" and "in" are short and do not count: the four long words are capitalised
    assertThat(CaselessLines.isTitleCase(CasedToken.scan("Bank of England Holds in London"))).isTrue();
    assertThat(CaselessLines.isTitleCase(CasedToken.scan("Putin warns NATO over deployments"))).isFalse();
    assertThat(CaselessLines.isTitleCase(CasedToken.scan("Election"))).isFalse(); // one long word
  }

  @Test
  void aHeadingIsShortTitleCaseWithoutSentencePunctuationOrFigures() {
    assertThat(CaselessLines.isHeading(CasedToken.scan("Election Results In Full"))).isTrue();
    assertThat(CaselessLines.isHeading(CasedToken.scan("Election Results: In Full"))).isFalse();
    assertThat(CaselessLines.isHeading(CasedToken.scan("Sandrine Testud Beat Ines Gorrochategui 6-2"))).isFalse();
    assertThat(CaselessLines.isHeading(CasedToken.scan(
        "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen"))).isFalse();
  }
}
