package io.newsflow.aggregate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Document frequencies over the most recent articles, in memory: every counted article is remembered by
 * event time and decision number, and once more than the window's size are remembered the oldest is
 * uncounted. So the counts hold the words of a bounded number of articles, however long the stream
 * runs, and idf follows recent news. Counting happens in decision order, the same in every run, so the
 * counts are the same in every run too (ADR 29).
 */
public final class DocumentFrequencies {
  /**
   * A count, one object per key, updated in place: scoring holds on to those it reads often. A count that
   * falls back to its base (nothing counted in the window) stays until a sweep, which starts a new {@link #generation()}.
   */
  static final class Count {
    /** The prior's count and the window's together: what idf reads. */
    long n;
    /** The prior's count (ADR 42): {@code n} never falls below it. */
    long base;
  }

  /** Key of the article count among the counted keys; no term or entity key starts with a NUL. */
  static final String DOCUMENTS = "\u0000documents";

  /** One counted article: its keys, by event time and decision number. */
  record Counted(long eventTime, long sequence, List<String> keys) {}

  private final Map<String, Count> counts = new HashMap<>();
  private int zeros;
  private long generation;
  /** Counted articles by event time, then sequence. */
  private final TreeMap<Long, ArrayDeque<Counted>> byTime = new TreeMap<>();
  private final int window;
  private final DocumentFrequencyPrior prior;
  private int remembered;

  /** @param window articles counted at most; older ones are uncounted as newer ones come */
  DocumentFrequencies(int window) {
    this(window, DocumentFrequencyPrior.NONE);
  }

  /**
   * @param window articles counted at most; older ones are uncounted as newer ones come
   * @param prior  counts added to the window's, by key as counted here
   */
  DocumentFrequencies(int window, DocumentFrequencyPrior prior) {
    this.window = window;
    this.prior = prior;
  }

  /** {@code keys} and the article count's own key. */
  static List<String> withDocumentCount(Collection<String> keys) {
    List<String> all = new ArrayList<>(keys.size() + 1);
    all.addAll(keys);
    all.add(DOCUMENTS);
    return all;
  }

  long frequency(String key) {
    Count c = counts.get(key);
    return c == null ? prior.frequency(key) : c.n;
  }

  /** The live count of {@code key} (its prior when never counted), valid until the generation changes. */
  Count counter(String key) {
    Count c = counts.get(key);
    if (c == null) {
      sweepIfMostlyZero();
      c = newCount(key);
      counts.put(key, c);
      zeros++;
    }
    return c;
  }

  /** Changes whenever counts held by callers may have been dropped. */
  long generation() {
    return generation;
  }

  /** Counts {@code article}; returns the articles it pushed out of the window (at most one, once full). */
  List<Counted> count(Counted article) {
    for (String key : article.keys()) {
      Count c = counts.get(key);
      if (c == null) {
        c = newCount(key);
        counts.put(key, c);
      } else if (c.n == c.base) {
        zeros--;
      }
      c.n++;
    }
    byTime.computeIfAbsent(article.eventTime(), t -> new ArrayDeque<>(1)).addLast(article);
    remembered++;
    List<Counted> expired = new ArrayList<>(1);
    while (remembered > window) {
      Map.Entry<Long, ArrayDeque<Counted>> oldest = byTime.firstEntry();
      Counted out = oldest.getValue().pollFirst();
      if (oldest.getValue().isEmpty()) {
        byTime.pollFirstEntry();
      }
      remembered--;
      uncount(out.keys());
      expired.add(out);
    }
    return expired;
  }

  private void uncount(Collection<String> keys) {
    for (String key : keys) {
      Count c = counts.get(key);
      if (c != null && c.n > c.base && --c.n == c.base) {
        zeros++;
      }
    }
    sweepIfMostlyZero();
  }

  /** Drops the counts at their base once they are half the map: the map stays bounded by the keys in the window. */
  private void sweepIfMostlyZero() {
    if (zeros > 1024 && zeros * 2 > counts.size()) {
      counts.values().removeIf(c -> c.n == c.base);
      zeros = 0;
      generation++;
    }
  }

  private Count newCount(String key) {
    Count c = new Count();
    c.base = prior.frequency(key);
    c.n = c.base;
    return c;
  }

  /** Keys counted in the window. */
  int keys() {
    return counts.size() - zeros;
  }
}
