package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.enrich.text.words.Tokenizer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DetailTermsTest {

  private final DetailTerms details = new DetailTerms(new Tokenizer());

  @Test
  void keepsCapitalisedAndNumericWordsInsideSentencesOnly() {
    List<Term> terms = details.of("Police said 23 pirates were held by the Indian Navy. Officials in The Hague agreed!\n"
        + "Reports came on Tuesday");

    // "Police", "Officials" and "Reports" start a sentence or paragraph; "The" is a stopword; lower-case words are not details.
    assertThat(terms).extracting(Term::term).containsExactlyInAnyOrder("23", "indian", "navy", "hague", "tuesday");
  }

  @Test
  void weightsAreOnePlusLogFrequencyAsAUnitVector() {
    List<Term> terms = details.of("He met Cheeks and Cheeks met O'Brien.");

    Map<String, Double> byTerm = terms.stream().collect(Collectors.toMap(Term::term, Term::weight));
    double cheeks = 1 + Math.log(2);
    double norm = Math.sqrt(cheeks * cheeks + 1 + 1); // cheeks, o, brien: the apostrophe splits the name
    assertThat(byTerm).containsOnlyKeys("cheeks", "o", "brien");
    assertThat(byTerm.get("cheeks")).isCloseTo(cheeks / norm, within(1e-12));
    assertThat(byTerm.get("brien")).isCloseTo(1 / norm, within(1e-12));
    assertThat(terms.stream().mapToDouble(t -> t.weight() * t.weight()).sum()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void keepsTheHeaviestSortedByWeightThenTermWhenThereAreMoreThanTheLimit() {
    StringBuilder text = new StringBuilder("Start");
    for (int i = 0; i < DetailTerms.MAX_TERMS + 30; i++) {
      text.append(" Name").append(1000 + i);
    }
    text.append(" Name1999 Name1999");

    List<Term> terms = details.of(text.toString());

    assertThat(terms).hasSize(DetailTerms.MAX_TERMS)
        .isSortedAccordingTo(Comparator.comparingDouble(Term::weight).reversed().thenComparing(Term::term));
    assertThat(terms.get(0).term()).as("the only repeated detail").isEqualTo("name1999");
    assertThat(terms.get(1).term()).isEqualTo("name1000");
    assertThat(terms).extracting(Term::term).doesNotContain("name1093");
  }

  @Test
  void aTextWithoutDetailsHasNone() {
    assertThat(details.of("nothing here is capitalised, and the only capital starts it")).isEmpty();
    assertThat(details.of("")).isEmpty();
  }
}
