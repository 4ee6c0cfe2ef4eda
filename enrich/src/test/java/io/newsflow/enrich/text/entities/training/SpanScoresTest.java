package io.newsflow.enrich.text.entities.training;

import static io.newsflow.enrich.text.entities.EntityKind.LOCATION;
import static io.newsflow.enrich.text.entities.EntityKind.ORGANIZATION;
import static io.newsflow.enrich.text.entities.EntityKind.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.enrich.text.entities.EntitySpan;
import io.newsflow.enrich.text.entities.IobTags;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanScoresTest {

  @Test
  void countsOnlyExactBoundariesAndKindAsCorrect() {
    SpanScores scores = new SpanScores();
    // gold: [Vladimir Putin]PER met in [New York]LOC with [United Nations]ORG
    List<EntitySpan> gold = List.of(new EntitySpan(0, 2, PERSON), new EntitySpan(4, 6, LOCATION),
        new EntitySpan(7, 9, ORGANIZATION));
    List<EntitySpan> predicted = List.of(
        new EntitySpan(0, 2, PERSON),        // correct
        new EntitySpan(5, 6, LOCATION),      // boundary wrong: "York"
        new EntitySpan(7, 9, LOCATION));     // type wrong
    scores.add(gold, predicted);

    assertThat(scores.of(PERSON)).isEqualTo(new SpanScores.Counts(1, 1, 1));
    assertThat(scores.of(LOCATION)).isEqualTo(new SpanScores.Counts(1, 2, 0));
    assertThat(scores.of(ORGANIZATION)).isEqualTo(new SpanScores.Counts(1, 0, 0));
    SpanScores.Counts all = scores.overall();
    assertThat(all).isEqualTo(new SpanScores.Counts(3, 3, 1));
    assertThat(all.precision()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(all.recall()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(all.f1()).isCloseTo(1.0 / 3, within(1e-9));
  }

  @Test
  void scoresIob1GoldAgainstIob2PredictionsBySpansNotTags() {
    SpanScores scores = new SpanScores();
    List<String> goldIob1 = List.of("I-LOC", "I-LOC", "B-LOC", "O", "I-MISC", "I-PER");
    List<String> predictedIob2 = List.of("B-LOC", "I-LOC", "B-LOC", "O", "B-PER", "B-PER");
    scores.add(IobTags.spans(goldIob1), IobTags.spans(predictedIob2));

    assertThat(scores.of(LOCATION)).isEqualTo(new SpanScores.Counts(2, 2, 2));
    // the PER predicted over a MISC name is a false positive: MISC is only ignored as gold
    assertThat(scores.of(PERSON)).isEqualTo(new SpanScores.Counts(1, 2, 1));
    assertThat(scores.overall().precision()).isCloseTo(0.75, within(1e-9));
    assertThat(scores.overall().recall()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void anEmptyEvaluationScoresZeroInsteadOfDividingByZero() {
    SpanScores scores = new SpanScores();
    scores.add(List.of(), List.of());
    assertThat(scores.overall().f1()).isZero();
    assertThat(scores.report()).endsWith("f1: 0.0000\n");
  }

  @Test
  void reportEndsWithTheOverallF1() {
    SpanScores scores = new SpanScores();
    scores.add(List.of(new EntitySpan(0, 1, PERSON), new EntitySpan(2, 3, ORGANIZATION)),
        List.of(new EntitySpan(0, 1, PERSON)));
    String report = scores.report();
    assertThat(report).contains("PER ").contains("ORG ").contains("LOC ").contains("overall ");
    assertThat(report.lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("f1: 0.6667");
  }
}
