package io.newsflow.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Lag of the pipeline's consumer groups per topic and partition, in records (committed offsets against
 * last stable offsets, from the Admin API) and in time (age of the oldest unconsumed record, read with
 * a group-less consumer at the committed offset).
 */
public final class LagMonitor implements AutoCloseable {
  private final ConsumerGroupLag offsets;
  private final KafkaConsumer<byte[], byte[]> peeker;
  private final Clock clock;

  public LagMonitor(Admin admin, Properties clientProperties, Clock clock) {
    this.offsets = new ConsumerGroupLag(admin);
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
    this.peeker = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.clock = clock;
  }

  /** Every partition of every group's topics, sorted by group, topic and partition. */
  public List<PartitionLag> measure(Map<String, Set<String>> groups) throws Exception {
    List<PartitionLag> all = new ArrayList<>();
    for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
      for (ConsumerGroupLag.Position position : offsets.positions(group.getKey(), group.getValue())) {
        long age = position.end() > position.committed() ? ageOfRecordAt(position.partition(), position.committed()) : 0;
        all.add(new PartitionLag(group.getKey(), position.partition().topic(), position.partition().partition(),
            position.committed(), position.end(), age));
      }
    }
    all.sort(Comparator.comparing(PartitionLag::group).thenComparing(PartitionLag::topic)
        .thenComparingInt(PartitionLag::partition));
    return all;
  }

  private long ageOfRecordAt(TopicPartition partition, long offset) {
    peeker.assign(List.of(partition));
    peeker.seek(partition, offset);
    for (int attempt = 0; attempt < 5; attempt++) {
      for (ConsumerRecord<byte[], byte[]> record : peeker.poll(Duration.ofMillis(200))) {
        return Math.max(0, clock.millis() - record.timestamp());
      }
    }
    return 0; // Only transaction markers or aborted records ahead: nothing a consumer would see is waiting.
  }

  @Override
  public void close() {
    peeker.close();
  }
}
