package io.newsflow.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TfidfBaselineTest {
  private final TfidfBaseline baseline = new TfidfBaseline(Set.of("the"));

  private static TfidfBaseline.Document doc(String id, String text) {
    return new TfidfBaseline.Document(id, text);
  }

  /*
   * Every term below is in 2 of the 4 documents, but fig and grape, so most weights are ln 2 and the cosines are
   * share counts: d1·d2 = 2/3; d3 against d1 or d2 alone 1/3, against their sum (a2 b2 c d)/√10 · (c d e)/√3
   * = 2/√30 = 0.365.
   */
  private final List<TfidfBaseline.Document> docs = List.of(
      doc("d1", "apple banana cherry"), doc("d2", "apple banana date"), doc("d3", "cherry date egg"),
      doc("d4", "egg fig grape"));

  @Test
  void weightsAreLogTermFrequencyTimesIdfOverTheDocumentsGiven() {
    List<TfidfBaseline.Document> three = List.of(doc("a", "kiwi kiwi lime"), doc("b", "lime plum"), doc("c", "plum"));

    Map<String, Double> first = baseline.vectors(three).get(0);

    // kiwi: (1 + ln 2) × ln(3/1); lime: 1 × ln(3/2); scaled to unit length.
    assertThat(first.get("kiwi") / first.get("lime")).isCloseTo(4.5876, within(1e-4));
    assertThat(first.get("kiwi") * first.get("kiwi") + first.get("lime") * first.get("lime")).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void stopWordsAndTokensOfTwoLettersOrLessAreLeftOut() {
    assertThat(baseline.termCounts("The ox ate an Apple, apple!")).isEqualTo(Map.of("ate", 1, "apple", 2));
  }

  @Test
  void aDocumentJoinsTheStoryWhoseSummedVectorReachesTheThreshold() {
    Map<String, String> stories = baseline.stories(docs, 0.35);

    // d3 is 0.333 from each member but 0.365 from their sum; d4 shares only egg.
    assertThat(stories).containsExactlyInAnyOrderEntriesOf(Map.of("d1", "d1", "d2", "d1", "d3", "d1", "d4", "d4"));
  }

  @Test
  void belowTheThresholdADocumentFoundsItsOwnStory() {
    assertThat(baseline.stories(docs, 0.37))
        .containsExactlyInAnyOrderEntriesOf(Map.of("d1", "d1", "d2", "d1", "d3", "d3", "d4", "d4"));
    assertThat(baseline.stories(docs, 0.7))
        .containsExactlyInAnyOrderEntriesOf(Map.of("d1", "d1", "d2", "d2", "d3", "d3", "d4", "d4"));
  }

  @Test
  void tuningPicksTheLowestThresholdOfTheBestScore() {
    // d3 belongs with d4, not with d1 and d2: every threshold from 0.37 (d3 apart) to 0.66 (d2 still joins) scores
    // the same, and those from 0.67 split d1 and d2.
    Map<String, String> gold = Map.of("d1", "a", "d2", "a", "d3", "b", "d4", "b");

    assertThat(baseline.tune(docs, gold)).isEqualTo(0.37);
  }
}
