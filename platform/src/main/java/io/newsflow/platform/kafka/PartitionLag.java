package io.newsflow.platform.kafka;

/**
 * How far one consumer group is behind on one partition.
 *
 * @param committed  the group's committed offset (0 when it has none)
 * @param end        last stable offset (read_committed end)
 * @param ageMillis  age of the oldest record not yet consumed (its timestamp to now), 0 when caught up
 */
public record PartitionLag(String group, String topic, int partition, long committed, long end, long ageMillis) {

  public long records() {
    return Math.max(0, end - committed);
  }
}
