package io.newsflow.platform.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** The partitions of a topic as a consumer sees them. */
public final class TopicPartitions {
  /** Long enough for a broker to learn of a topic its controller has just created. */
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
  private static final long RETRY_MILLIS = 50;

  private TopicPartitions() {}

  /**
   * Every partition of {@code topic}, waiting up to {@code wait} for them: right after a topic is
   * created the broker's metadata can still lack it, and assigning the empty list it then returns
   * fails the next poll ("not subscribed to any topics or assigned any partitions").
   */
  public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
      }
      if (System.nanoTime() >= deadline) {
        throw new IllegalStateException("topic " + topic + " has no partitions after " + wait.toSeconds()
            + " s: does it exist, and may this client describe it?");
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the partitions of " + topic, e);
      }
    }
  }
}
