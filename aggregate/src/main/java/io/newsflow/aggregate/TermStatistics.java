package io.newsflow.aggregate;

/** Streaming document frequencies of terms and entities, for idf weights. */
public interface TermStatistics {

  /** Articles counted so far. */
  long documents();

  /** Articles whose terms or entities included {@code key}. */
  long documentFrequency(String key);
}
