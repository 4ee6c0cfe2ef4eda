package io.newsflow.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag from the Admin API: committed offsets of a group against the last stable offsets of
 * the topics it reads (read_committed, so open transactions and markers of the exactly-once stages
 * do not count as work left).
 */
public final class ConsumerGroupLag {
  private final Admin admin;

  public ConsumerGroupLag(Admin admin) {
    this.admin = admin;
  }

  /** Records not yet consumed by {@code group}, per partition of {@code topics}; none committed counts as 0. */
  public Map<TopicPartition, Long> lag(String group, Set<String> topics) throws Exception {
    Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest = described.values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
        .get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, Long> lag = new HashMap<>();
    ends.forEach((tp, end) -> {
      OffsetAndMetadata c = committed.get(tp);
      long position = c == null ? 0 : c.offset();
      lag.put(tp, Math.max(0, end.offset() - position));
    });
    return lag;
  }

  public long totalLag(String group, Set<String> topics) throws Exception {
    return lag(group, topics).values().stream().mapToLong(Long::longValue).sum();
  }
}
