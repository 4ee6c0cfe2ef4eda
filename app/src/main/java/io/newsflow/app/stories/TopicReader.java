package io.newsflow.app.stories;

import io.newsflow.platform.kafka.TopicPartitions;
import io.newsflow.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads committed records of a topic without a consumer group: all of it, or what arrives from now on. */
public final class TopicReader<K, V> implements AutoCloseable {
  private final KafkaConsumer<K, V> consumer;
  private final List<TopicPartition> partitions;

  public TopicReader(Properties clientProperties, Topic<K, V> topic) {
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(p, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    partitions = TopicPartitions.of(consumer, topic.name(), TopicPartitions.DEFAULT_WAIT);
    consumer.assign(partitions);
  }

  /** Every committed record up to the current end, in partition order. */
  public List<ConsumerRecord<K, V>> readAll() {
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
    List<ConsumerRecord<K, V>> records = new ArrayList<>();
    while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    return records;
  }

  /** Starts at the current end; then hands each new record to {@code sink} until interrupted or closed. */
  public void follow(Consumer<ConsumerRecord<K, V>> sink) {
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    while (!Thread.currentThread().isInterrupted()) {
      consumer.poll(Duration.ofMillis(500)).forEach(sink);
    }
  }

  public void wakeup() {
    consumer.wakeup();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
