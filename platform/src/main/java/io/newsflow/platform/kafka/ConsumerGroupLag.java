package io.newsflow.platform.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  /** A group's committed offset on a partition (0 when it has none) and the partition's last stable offset. */
  public record Position(TopicPartition partition, long committed, long end) {
    public long lag() {
      return Math.max(0, end - committed);
    }
  }

  /**
   * Positions of {@code group} on every partition of those {@code topics} that exist (a repartition
   * topic appears only once its Streams application has started; until then the group's lag shows on
   * the topic that feeds it).
   */
  public List<Position> positions(String group, Set<String> topics) throws Exception {
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    List<String> present = topics.stream().filter(existing::contains).sorted().toList();
    Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest = described.values().stream()
        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
        .get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    List<Position> positions = new ArrayList<>();
    ends.forEach((tp, end) -> {
      OffsetAndMetadata c = committed.get(tp);
      positions.add(new Position(tp, c == null ? 0 : c.offset(), end.offset()));
    });
    return positions;
  }

  /** Records not yet consumed by {@code group}, per partition of {@code topics}. */
  public Map<TopicPartition, Long> lag(String group, Set<String> topics) throws Exception {
    Map<TopicPartition, Long> lag = new HashMap<>();
    positions(group, topics).forEach(p -> lag.put(p.partition(), p.lag()));
    return lag;
  }

  public long totalLag(String group, Set<String> topics) throws Exception {
    return positions(group, topics).stream().mapToLong(Position::lag).sum();
  }
}
