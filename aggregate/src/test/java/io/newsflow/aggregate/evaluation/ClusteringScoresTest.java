package io.newsflow.aggregate.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusteringScoresTest {
  // Gold: {a,b,c} {d,e}
  static final Map<String, String> GOLD = Map.of("a", "1", "b", "1", "c", "1", "d", "2", "e", "2");

  @Test
  void aPerfectClusteringScoresOne() {
    ClusteringScores s = ClusteringScores.score(GOLD, Map.of("a", "x", "b", "x", "c", "x", "d", "y", "e", "y"));
    assertThat(s.bcubedF1()).isEqualTo(1.0);
    assertThat(s.pairwiseF1()).isEqualTo(1.0);
  }

  @Test
  void matchesHandComputedValuesWhenTwoClustersAreMerged() {
    ClusteringScores s = ClusteringScores.score(GOLD, Map.of("a", "x", "b", "x", "c", "x", "d", "x", "e", "x"));
    // B-cubed precision: a,b,c get 3/5 each, d,e get 2/5 each -> (9/5 + 4/5) / 5 = 13/25
    assertThat(s.bcubedPrecision()).isCloseTo(13.0 / 25, within(1e-12));
    assertThat(s.bcubedRecall()).isEqualTo(1.0);
    // Pairs: predicted 10, true 3 + 1 = 4
    assertThat(s.pairwisePrecision()).isCloseTo(0.4, within(1e-12));
    assertThat(s.pairwiseRecall()).isEqualTo(1.0);
  }

  @Test
  void itemsMissingFromThePredictionAreSingletons() {
    ClusteringScores s = ClusteringScores.score(GOLD, Map.of("a", "x", "b", "x"));
    // a,b: precision 1, recall 2/3; c: 1, 1/3; d,e: 1, 1/2
    assertThat(s.bcubedPrecision()).isEqualTo(1.0);
    assertThat(s.bcubedRecall()).isCloseTo((2.0 / 3 * 2 + 1.0 / 3 + 0.5 * 2) / 5, within(1e-12));
    assertThat(s.pairwiseRecall()).isCloseTo(1.0 / 4, within(1e-12));
  }
}
