package io.newsflow.aggregate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Document frequencies over a window of event time, in memory: every counted article is remembered by
 * its event time until it falls out of the window ({@link #expireBefore}), and is then uncounted. So
 * idf follows the news of the last weeks rather than all history, and the counts hold only the words
 * of articles still in the window. Expiry happens at the close checks, which come at the same points of
 * the decision sequence in every run, so the counts are the same in every run too.
 */
final class DocumentFrequencies {
  /** A count that scoring reads often: one object per key, updated in place. */
  private static final class Count {
    long n;
  }

  /** One counted article: its keys, by event time and decision number. */
  record Counted(long eventTime, long sequence, List<String> keys) {}

  private final Map<String, Count> counts = new HashMap<>();
  /** Counted articles by event time, then sequence; only kept when expiring is on. */
  private final TreeMap<Long, List<Counted>> byTime = new TreeMap<>();
  private final boolean expires;

  /** @param expires false: articles are never uncounted (an unbounded window), so none is remembered */
  DocumentFrequencies(boolean expires) {
    this.expires = expires;
  }

  long frequency(String key) {
    Count c = counts.get(key);
    return c == null ? 0 : c.n;
  }

  void count(Counted article) {
    for (String key : article.keys()) {
      counts.computeIfAbsent(key, k -> new Count()).n++;
    }
    if (expires) {
      byTime.computeIfAbsent(article.eventTime(), t -> new ArrayList<>(1)).add(article);
    }
  }

  /** Uncounts every article with an event time before {@code epochMillis}; returns them, oldest first. */
  List<Counted> expireBefore(long epochMillis) {
    List<Counted> expired = new ArrayList<>();
    Map<Long, List<Counted>> old = byTime.headMap(epochMillis, false);
    old.values().forEach(expired::addAll);
    old.clear();
    for (Counted article : expired) {
      uncount(article.keys());
    }
    return expired;
  }

  private void uncount(Collection<String> keys) {
    for (String key : keys) {
      Count c = counts.get(key);
      if (c != null && --c.n <= 0) {
        counts.remove(key);
      }
    }
  }

  /** Keys with a count. */
  int keys() {
    return counts.size();
  }
}
