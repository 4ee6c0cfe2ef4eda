package io.newsflow.aggregate;

import java.util.List;

/** Near-duplicate similarity from MinHash signatures. */
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
}
