package io.newsflow.aggregate;

import java.util.HashMap;
import java.util.Map;

/**
 * Term statistics for scoring one article: each key is looked up, and its idf computed, once instead
 * of once per candidate story (the counts cannot change while one article is scored). Top terms are
 * remembered by the bare term, so scoring does not build their keys again for every candidate, and
 * looked up by it ({@link TermStatistics#termFrequency}), so the shard's index can reuse its keys.
 */
final class CachedTermStatistics implements TermStatistics {
  private final TermStatistics statistics;
  private final Map<String, Long> frequencies = new HashMap<>();
  private final Map<String, Double> idfs = new HashMap<>();
  /** Sized for the centroid terms of a dozen candidates: growing it was a third of its cost. */
  private final Map<String, Double> termIdfs = new HashMap<>(2048);
  private final long documents;

  CachedTermStatistics(TermStatistics statistics) {
    this.statistics = statistics;
    this.documents = statistics.documents();
  }

  @Override
  public long documents() {
    return documents;
  }

  @Override
  public long documentFrequency(String key) {
    return frequencies.computeIfAbsent(key, statistics::documentFrequency);
  }

  @Override
  public double idf(String key) {
    Double idf = idfs.get(key);
    if (idf == null) {
      idf = Idf.of(this, key);
      idfs.put(key, idf);
    }
    return idf;
  }

  /**
   * Idf of each of {@code view}'s centroid terms. Over a shard, from the live counts the view keeps, with no
   * look-up per term (the look-ups were a fifth of the aggregate's thread); the same values either way.
   */
  double[] centroidIdfs(StoryView view) {
    if (!(statistics instanceof ShardIndex shard)) {
      return termIdfs(this, view.centroidTerms);
    }
    DocumentFrequencies.Count[] counts = view.centroidCounts(shard);
    double[] idfs = new double[counts.length];
    for (int i = 0; i < idfs.length; i++) {
      idfs[i] = Idf.of(documents, counts[i].n);
    }
    return idfs;
  }

  /** Idf of each of {@code terms}, one {@link TermStatistics#termIdf} each. */
  static double[] termIdfs(TermStatistics stats, String[] terms) {
    double[] idfs = new double[terms.length];
    for (int i = 0; i < idfs.length; i++) {
      idfs[i] = stats.termIdf(terms[i]);
    }
    return idfs;
  }

  @Override
  public double termIdf(String term) {
    Double idf = termIdfs.get(term);
    if (idf == null) {
      idf = Idf.of(documents, statistics.termFrequency(term));
      termIdfs.put(term, idf);
    }
    return idf;
  }
}
