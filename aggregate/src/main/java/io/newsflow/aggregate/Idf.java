package io.newsflow.aggregate;

/** Inverse document frequency from the streaming counts: rare keys weigh more, unseen ones most. */
final class Idf {
  private Idf() {}

  static double of(TermStatistics stats, String key) {
    return of(stats.documents(), stats.documentFrequency(key));
  }

  static double of(long documents, long documentFrequency) {
    return Math.log(1.0 + (double) (documents + 1) / (documentFrequency + 1));
  }
}
