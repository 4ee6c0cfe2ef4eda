package io.newsflow.ingest;

import io.newsflow.schemas.EventTime;
import io.newsflow.schemas.HeaderNames;
import io.newsflow.schemas.ProgressRecords;
import io.newsflow.schemas.SourcePartitions;
import io.newsflow.schemas.Topic;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.internal.IngestProgress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to the raw topic, keyed by article id and partitioned by source ({@link SourcePartitions}), each with its record on the ingest-state
 * topic, and rejections to the dead-letter topic, keyed by their origin, through one transactional
 * producer: a batch becomes visible to {@code read_committed} readers (every Streams app under
 * exactly-once) at {@link #commit()}, all of it or none, so the raw topic and the ingest state never
 * disagree even when the process dies half-way.
 *
 * <p>A failed commit is aborted, logged with its cause and reported (false); a fenced producer
 * (another instance started with the same {@code transactional.id}) or a missing authorization is
 * fatal and propagates: this instance must stop.
 *
 * <p>Record timestamp: the article's {@link EventTime} (brokers also refuse timestamps too far in the
 * future, {@code log.message.timestamp.after.max.ms}).
 */
public final class RawArticlePublisher implements ArticleSink, AutoCloseable {
  /** Header with the article's source name (UTF-8), for consumers that route without deserializing. */
  public static final String SOURCE_HEADER = HeaderNames.SOURCE;
  /** Header with the ingest time as an ISO-8601 instant (UTF-8), e.g. {@code 2024-03-01T10:15:30.123Z}. */
  public static final String INGESTED_AT_HEADER = HeaderNames.INGESTED_AT;
  /** Header with the article's position in ingest's committed output, in decimal (UTF-8); ADR 31. */
  public static final String SEQUENCE_HEADER = HeaderNames.SEQUENCE;

  private static final Logger LOG = LoggerFactory.getLogger(RawArticlePublisher.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(1);

  private final Producer<String, byte[]> producer;
  private final Topics topics;
  private IngestSequence sequence;
  private boolean inTransaction;

  /** Takes a producer whose transactions are initialised; the sequence starts at 0 unless {@link #continueAfter}. */
  RawArticlePublisher(Producer<String, byte[]> producer, Topics topics) {
    this.producer = producer;
    this.topics = topics;
    this.sequence = new IngestSequence(null, topics.raw().partitions());
  }

  /** Numbers the next articles after {@code progress}, ingest's latest committed progress; before any publish. */
  void continueAfter(IngestProgress progress) {
    this.sequence = new IngestSequence(progress, topics.raw().partitions());
  }

  /**
   * A publisher with its own transactional producer. {@code producerConfig} needs at least
   * {@code bootstrap.servers}; it is laid over {@link #producerDefaults()}, except that idempotence,
   * {@code acks=all} and {@code transactionalId} always win (see DESIGN: Guarantees). Starting fences
   * any older producer with the same id and aborts what it left open.
   */
  public static RawArticlePublisher create(Map<String, ?> producerConfig, Topics topics, String transactionalId) {
    Map<String, Object> config = new HashMap<>(producerDefaults());
    config.putAll(producerConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    try {
      producer.initTransactions();
    } catch (RuntimeException e) {
      producer.close(Duration.ZERO);
      throw e;
    }
    return new RawArticlePublisher(producer, topics);
  }

  /** Ingest's producer settings: idempotent, {@code acks=all}, the public topics' default codec, 20 ms batching. */
  public static Map<String, Object> producerDefaults() {
    return Map.of(
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.COMPRESSION_TYPE_CONFIG, Topics.DEFAULT_PUBLIC_COMPRESSION,
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
  }

  @Override
  public void publish(RawArticle article, PublishedRevision state) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(SOURCE_HEADER, article.getSource().getBytes(StandardCharsets.UTF_8));
    headers.add(INGESTED_AT_HEADER, iso(article.getIngestedAt()));
    headers.add(SEQUENCE_HEADER, ProgressRecords.decimal(sequence.next()));
    int partition = SourcePartitions.of(article.getSource(), topics.raw().partitions());
    sequence.sent(send(topics.raw(), partition, EventTime.of(article), article.getArticleId(), article, headers));
    send(topics.ingestState(), null, state.getPublishedAt(), state.getArticleId(), state, new RecordHeaders());
  }

  @Override
  public void reject(Rejection rejection, Instant ingestedAt) {
    DeadLetter letter = rejection.deadLetter(ingestedAt);
    RecordHeaders headers = new RecordHeaders();
    headers.add(INGESTED_AT_HEADER, iso(letter.getTimestamp()));
    send(topics.deadLetter(), null, letter.getTimestamp(), rejection.origin(), letter, headers);
  }

  /** {@code partition} null: by key. */
  private <V> Future<RecordMetadata> send(Topic<String, V> topic, Integer partition, Instant timestamp, String key,
                                          V value, Headers headers) {
    if (!inTransaction) {
      producer.beginTransaction();
      inTransaction = true;
    }
    // Serialized here, with the topic's own serde, so one producer can write all three value types.
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), headers, value);
    return producer.send(new ProducerRecord<>(topic.name(), partition, timestamp.toEpochMilli(), key, bytes, headers));
  }

  private static byte[] iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean commit() {
    if (!inTransaction) {
      return true;
    }
    try {
      // The progress goes in the same transaction: committed with the articles it counts, or not at all.
      producer.flush();
      IngestProgress progress = sequence.progress();
      send(topics.ingestProgress(), null, Instant.now(), ProgressRecords.INGEST_PROGRESS_KEY, progress, new RecordHeaders());
      inTransaction = false;
      producer.commitTransaction();
      sequence.committed();
      return true;
    } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException | UnsupportedVersionException e) {
      throw e;   // fatal for this producer: see the class comment
    } catch (KafkaException e) {
      LOG.error("could not commit a batch of ingest records, aborting it: {}", e.toString());
      inTransaction = false;
      sequence.aborted();
      producer.abortTransaction();
      return false;
    }
  }

  /**
   * Aborts what was not committed, then releases the producer (waiting up to a minute). Aborting
   * here rather than leaving it to the broker's transaction timeout keeps read_committed readers of
   * these topics from stalling behind an open transaction.
   */
  @Override
  public void close() {
    try {
      if (inTransaction) {
        inTransaction = false;
        producer.abortTransaction();
      }
    } catch (KafkaException e) {
      LOG.warn("could not abort the open ingest transaction on close: {}", e.toString());
    } finally {
      producer.close(CLOSE_TIMEOUT);
    }
  }
}
