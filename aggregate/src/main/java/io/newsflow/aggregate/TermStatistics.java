package io.newsflow.aggregate;

/** Streaming document frequencies of terms and entities, for idf weights. */
public interface TermStatistics {

  /** Articles counted so far. */
  long documents();

  /** Articles whose terms or entities included {@code key}. */
  long documentFrequency(String key);

  /** Idf weight of {@code key}; implementations may remember it while the counts cannot change. */
  default double idf(String key) {
    return Idf.of(this, key);
  }

  /** Articles whose top terms included {@code term} (its key is {@link IndexKeys#term}). */
  default long termFrequency(String term) {
    return documentFrequency(IndexKeys.term(term));
  }

  /** Idf weight of a top term. */
  default double termIdf(String term) {
    return Idf.of(documents(), termFrequency(term));
  }
}
