package io.newsflow.ingest;

import io.newsflow.schemas.Topic;
import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.internal.IngestProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds {@link PublishedRevisions} from the compacted ingest-state topic, and finds ingest's latest
 * {@link IngestProgress}, each read to its end at start. Only committed records count ({@code read_committed}): a transaction a crashed instance left
 * open published nothing, so it must not make its articles look published.
 */
public final class IngestStateReader {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStateReader.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private IngestStateReader() {}

  /** {@code clientConfig} needs at least {@code bootstrap.servers}; no consumer group is used. */
  public static PublishedRevisions read(Map<String, ?> clientConfig, Topic<String, PublishedRevision> topic) {
    long started = System.nanoTime();
    PublishedRevisions revisions = new PublishedRevisions();
    readCommitted(clientConfig, topic, "newsflow-ingest-state", r -> {
      if (r.value() == null) {
        revisions.forget(r.key());
      } else {
        revisions.remember(r.value());
      }
    });
    LOG.info("ingest state: {} articles known from {} in {} ms", revisions.size(), topic.name(),
        (System.nanoTime() - started) / 1_000_000);
    return revisions;
  }

  /** The latest committed {@link IngestProgress}, or none before ingest's first commit. */
  public static Optional<IngestProgress> latestProgress(Map<String, ?> clientConfig, Topic<String, IngestProgress> topic) {
    List<IngestProgress> latest = new ArrayList<>(1);
    readCommitted(clientConfig, topic, "newsflow-ingest-progress", r -> {
      latest.clear();
      if (r.value() != null) {
        latest.add(r.value());
      }
    });
    return latest.stream().findFirst();
  }

  /** Every committed record of {@code topic}, from the beginning to the end it had when reading began. */
  private static <V> void readCommitted(Map<String, ?> clientConfig, Topic<String, V> topic, String clientId,
                                        Consumer<ConsumerRecord<String, V>> each) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config,
        topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      if (partitions.isEmpty()) {
        // Ingest would otherwise block on its first commit, waiting for the topic's metadata.
        throw new IllegalStateException("topic " + topic.name() + " does not exist: ingest needs it ("
            + topic.partitions() + " partition(s), " + topic.configs() + "); `newsflow run` creates it, or create it by hand");
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
        consumer.poll(POLL).forEach(each);
      }
    }
  }
}
