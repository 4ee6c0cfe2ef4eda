package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.enrich.text.words.Tokenizer;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermWeighterTest {

  private final TermWeighter weighter = new TermWeighter();

  @Test
  void topTermsAreAUnitVectorSortedByWeightThenTerm() {
    List<Term> terms = weighter.topTerms(Articles.SUMMIT_TITLE, Articles.SUMMIT);

    assertThat(terms).hasSize(TermWeighter.DEFAULT_TOP_N);
    assertThat(terms).isSortedAccordingTo(
        Comparator.comparingDouble(Term::weight).reversed().thenComparing(Term::term));
    assertThat(terms.stream().mapToDouble(t -> t.weight() * t.weight()).sum()).isCloseTo(1.0, within(1e-9));
    assertThat(terms.get(0).term()).isEqualTo("putin");
  }

  @Test
  void skipsStopwordsNumbersAndSingleCharacters() {
    List<Term> terms = weighter.topTerms("", "The 2024 budget: a x 15 percent rise in the budget for schools.");

    assertThat(terms).extracting(Term::term).containsExactly("budget", "percent", "rise", "schools");
  }

  @Test
  void weightGrowsWithTheLogarithmOfTermFrequency() {
    List<Term> terms = weighter.topTerms("", "tariff tariff tariff tariff steel");

    assertThat(terms).extracting(Term::term).containsExactly("tariff", "steel");
    assertThat(terms.get(0).weight() / terms.get(1).weight()).isCloseTo(1 + Math.log(4), within(1e-9));
  }

  @Test
  void titleTermsAreBoosted() {
    List<Term> terms = weighter.topTerms("Steel", "tariff steel");

    // steel occurs twice (title + body) and is boosted; tariff once
    assertThat(terms.get(0).term()).isEqualTo("steel");
    assertThat(terms.get(0).weight() / terms.get(1).weight())
        .isCloseTo((1 + Math.log(2)) * TermWeighter.TITLE_BOOST, within(1e-9));
  }

  @Test
  void keepsOnlyTheTopN() {
    TermWeighter three = new TermWeighter(new Tokenizer(), 3);

    assertThat(three.topTerms("", "delta alpha charlie bravo echo alpha bravo"))
        .extracting(Term::term).containsExactly("alpha", "bravo", "charlie");
  }

  @Test
  void noContentWordsGiveNoTerms() {
    assertThat(weighter.topTerms(null, "the and of 42")).isEmpty();
  }
}
