package io.newsflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.kafka.TopicProvisioner;
import io.newsflow.schemas.Topic;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

/** Writes records to and reads committed records from real topics, for integration tests. */
public final class TestTopics {
  private TestTopics() {}

  /** The topic catalogue of {@code config} on the shared registry, its topics created with {@code partitions}. */
  public static Topics provision(NewsflowConfig config, int partitions) {
    Topics topics = new Topics(TopicNames.fromSettings(config.asMap()), partitions, registry(config));
    try (Admin admin = Admin.create(config.kafkaClientProperties())) {
      new TopicProvisioner(admin, (short) 1).ensure(topics.all());
    }
    return topics;
  }

  public static HttpSchemaRegistryClient registry(NewsflowConfig config) {
    return new HttpSchemaRegistryClient(config.require(NewsflowConfig.SCHEMA_REGISTRY_URL));
  }

  public static <K, V> void produce(NewsflowConfig config, String topic, Serializer<K> keys, Serializer<V> values,
                                    List<ProducerRecord<K, V>> records) throws ExecutionException, InterruptedException {
    Properties p = config.kafkaClientProperties();
    p.put("acks", "all");
    try (KafkaProducer<K, V> producer = new KafkaProducer<>(p, keys, values)) {
      for (ProducerRecord<K, V> r : records) {
        producer.send(r).get();
      }
    }
  }

  /**
   * Reads {@code topic} from the beginning until {@code expected} records have arrived, and checks
   * that no more follow (end offsets cannot tell: each transaction adds a commit marker).
   */
  public static <V> List<ConsumerRecord<String, V>> readExactly(Topic<String, V> topic, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestCluster.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, topic.keySerde().deserializer(),
        topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(i -> new TopicPartition(topic.name(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        assertThat(records).hasSize(expected);
      });
      assertThat(consumer.poll(Duration.ofSeconds(1))).isEmpty();
    }
    return records;
  }

  /** Every committed record of {@code topic} at the moment of the call. */
  public static <K, V> List<ConsumerRecord<K, V>> readAll(NewsflowConfig config, String topic,
                                                         Deserializer<K> keys, Deserializer<V> values) {
    Properties p = config.kafkaClientProperties();
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(p, keys, values)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(topic, i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<K, V>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }
}
