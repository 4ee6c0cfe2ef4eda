package io.newsflow.platform.registry;

import io.newsflow.platform.kafka.TopicProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's durable state: a compacted single-partition topic (by default {@code _schemas})
 * that it creates when absent, reads from the start to rebuild its memory, and appends every change
 * to with an idempotent producer (acks=all), one synchronous write at a time. Not thread-safe: the
 * caller serializes use.
 */
final class SchemaLog implements AutoCloseable {
  static final String DEFAULT_TOPIC = "_schemas";
  private static final Logger LOG = LoggerFactory.getLogger(SchemaLog.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final TopicPartition partition;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;

  private SchemaLog(String topic, KafkaProducer<String, String> producer, KafkaConsumer<String, String> consumer) {
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    this.producer = producer;
    this.consumer = consumer;
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
  }

  /** Creates {@code topic} if absent (1 partition, replication 1, compacted) and opens it for reading and appending. */
  static SchemaLog open(String bootstrapServers, String topic) {
    ensureTopic(bootstrapServers, topic);
    KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer-" + topic,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, 0,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis(),
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()),
        new StringSerializer(), new StringSerializer());
    KafkaConsumer<String, String> consumer;
    try {
      consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-reader-" + topic,
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
          new StringDeserializer(), new StringDeserializer());
    } catch (RuntimeException e) {
      producer.close(Duration.ZERO);
      throw e;
    }
    return new SchemaLog(topic, producer, consumer);
  }

  String topic() {
    return topic;
  }

  /** Hands every entry from the current position up to the end of the topic to {@code sink}, in order. */
  void readToEnd(Consumer<LogEntry> sink) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    try {
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      while (consumer.position(partition, TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new TimeoutException("reached offset " + consumer.position(partition) + " of " + end + " in " + TIMEOUT);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          decode(record).ifPresent(sink);
        }
      }
    } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
      throw RegistryException.backendStore("cannot read topic " + topic + " to its end: " + e.getMessage(), e);
    }
  }

  /** Writes {@code entry} and returns once the broker has acknowledged it. */
  void append(LogEntry entry) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(topic, 0, LogCodec.key(entry), LogCodec.value(entry));
    try {
      producer.send(record).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.backendStore("interrupted writing to " + topic, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw RegistryException.backendStore("cannot write to topic " + topic + ": " + cause.getMessage(), cause);
    }
  }

  @Override
  public void close() {
    try {
      producer.close(Duration.ofSeconds(5));
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private Optional<LogEntry> decode(ConsumerRecord<String, String> record) {
    if (record.key() == null) {
      return Optional.empty();
    }
    try {
      return LogCodec.decode(record.key(), record.value());
    } catch (IllegalArgumentException e) {
      LOG.warn("skipping record at offset {} of {}: {}", record.offset(), topic, e.getMessage());
      return Optional.empty();
    }
  }

  private static void ensureTopic(String bootstrapServers, String topic) {
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
      new TopicProvisioner(admin, (short) 1).ensureNew(List.of(
          new NewTopic(topic, 1, (short) 1).configs(TopicProvisioner.compacted())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating schema topic " + topic, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("cannot create schema topic " + topic + " on " + bootstrapServers + ": "
          + cause.getMessage(), cause);
    }
  }
}
