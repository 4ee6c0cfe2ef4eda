package io.newsflow.aggregate;

import java.util.HashMap;
import java.util.Map;

/**
 * Term statistics for scoring one article: each key is looked up once instead of once per candidate
 * story (the counts cannot change while one article is scored).
 */
final class CachedTermStatistics implements TermStatistics {
  private final TermStatistics statistics;
  private final Map<String, Long> frequencies = new HashMap<>();
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
}
