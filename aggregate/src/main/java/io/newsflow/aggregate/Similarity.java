package io.newsflow.aggregate;

import io.newsflow.schemas.avro.WeightedTerm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The similarity measures the assigner compares articles and stories with. */
final class Similarity {
  private Similarity() {}

  /** Share of equal MinHash positions: an unbiased estimate of the shingle sets' Jaccard similarity. */
  static double minHashJaccard(List<Integer> a, int[] b) {
    if (a.isEmpty() || b == null || a.size() != b.length) {
      return 0;
    }
    int equal = 0;
    for (int i = 0; i < b.length; i++) {
      if (a.get(i) == b[i]) {
        equal++;
      }
    }
    return (double) equal / b.length;
  }

  /** Cosine of two sparse term vectors. */
  static double cosine(List<WeightedTerm> a, List<WeightedTerm> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    Map<String, Double> weights = new HashMap<>();
    double normA = 0;
    for (WeightedTerm t : a) {
      weights.merge(t.getTerm(), t.getWeight(), Double::sum);
      normA += t.getWeight() * t.getWeight();
    }
    double dot = 0;
    double normB = 0;
    for (WeightedTerm t : b) {
      dot += weights.getOrDefault(t.getTerm(), 0.0) * t.getWeight();
      normB += t.getWeight() * t.getWeight();
    }
    return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
  }
}
