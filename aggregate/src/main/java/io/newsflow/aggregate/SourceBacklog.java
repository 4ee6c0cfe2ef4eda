package io.newsflow.aggregate;

/**
 * What the source-order merge may learn from outside the stream: whether records of a source
 * partition are known to be still on their way (not yet enriched, or not yet through the shard
 * repartition). It only decides how long the merge waits, never the order it produces.
 */
@FunctionalInterface
public interface SourceBacklog {
  /** Nothing is known: a silent partition is waited for only the short idle time. */
  SourceBacklog UNKNOWN = partition -> false;

  boolean pending(int partition);
}
