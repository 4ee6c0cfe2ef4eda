package io.newsflow.aggregate;

/** Inverse document frequency from the streaming counts: rare keys weigh more, unseen ones most. */
final class Idf {
  private Idf() {}

  static double of(TermStatistics stats, String key) {
    return Math.log(1.0 + (double) (stats.documents() + 1) / (stats.documentFrequency(key) + 1));
  }
}
