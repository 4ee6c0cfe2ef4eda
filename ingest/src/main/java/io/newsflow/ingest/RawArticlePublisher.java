package io.newsflow.ingest;

import io.newsflow.schemas.Topic;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to the raw topic, keyed by article id, and rejections to the dead-letter topic,
 * keyed by their origin. Sends are asynchronous; a send that fails is counted and logged at ERROR
 * with its key and origin (never dropped silently), and {@link #failedDeliveries()} tells the run.
 *
 * <p>Record timestamp: the publication time, or the ingest time when there is none or when the
 * publication time lies after it (a clock or time-zone error at the source; brokers also refuse
 * timestamps too far in the future, {@code log.message.timestamp.after.max.ms}).
 */
public final class RawArticlePublisher implements ArticleSink, AutoCloseable {
  /** Header with the article's source name (UTF-8), for consumers that route without deserializing. */
  public static final String SOURCE_HEADER = "newsflow.source";
  /** Header with the ingest time as an ISO-8601 instant (UTF-8), e.g. {@code 2024-03-01T10:15:30.123Z}. */
  public static final String INGESTED_AT_HEADER = "newsflow.ingested-at";

  private static final Logger LOG = LoggerFactory.getLogger(RawArticlePublisher.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(1);

  private final Producer<String, RawArticle> articles;
  private final Producer<String, DeadLetter> deadLetters;
  private final String rawTopic;
  private final String deadLetterTopic;
  private final AtomicLong failed = new AtomicLong();

  RawArticlePublisher(Producer<String, RawArticle> articles, Producer<String, DeadLetter> deadLetters,
                      String rawTopic, String deadLetterTopic) {
    this.articles = articles;
    this.deadLetters = deadLetters;
    this.rawTopic = rawTopic;
    this.deadLetterTopic = deadLetterTopic;
  }

  /**
   * A publisher with its own producers. {@code producerConfig} needs at least
   * {@code bootstrap.servers}; it is laid over {@link #producerDefaults()}, except that idempotence
   * and {@code acks=all} are always kept (see DESIGN: Guarantees).
   */
  public static RawArticlePublisher create(Map<String, ?> producerConfig, Topics topics) {
    Map<String, Object> config = new HashMap<>(producerDefaults());
    config.putAll(producerConfig);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    String clientId = String.valueOf(config.get(ProducerConfig.CLIENT_ID_CONFIG));
    return new RawArticlePublisher(
        producer(config, clientId + "-articles", topics.raw()),
        producer(config, clientId + "-deadletters", topics.deadLetter()),
        topics.raw().name(), topics.deadLetter().name());
  }

  /** Ingest's producer settings: idempotent, {@code acks=all}, zstd, 20 ms batching. */
  public static Map<String, Object> producerDefaults() {
    return Map.of(
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
        ProducerConfig.LINGER_MS_CONFIG, 20,
        ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
  }

  private static <V> Producer<String, V> producer(Map<String, Object> config, String clientId, Topic<String, V> topic) {
    Map<String, Object> own = new HashMap<>(config);
    own.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);   // two producers, two ids: metrics stay apart
    return new KafkaProducer<>(own, topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  @Override
  public void publish(RawArticle article) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(SOURCE_HEADER, article.getSource().getBytes(StandardCharsets.UTF_8));
    headers.add(INGESTED_AT_HEADER, iso(article.getIngestedAt()));
    ProducerRecord<String, RawArticle> record = new ProducerRecord<>(rawTopic, null,
        eventTime(article).toEpochMilli(), article.getArticleId(), article, headers);
    articles.send(record, reportFailure("article", article.getArticleId(), article.getOrigin()));
  }

  @Override
  public void reject(Rejection rejection, Instant ingestedAt) {
    DeadLetter letter = DeadLetters.from(rejection, ingestedAt);
    RecordHeaders headers = new RecordHeaders();
    headers.add(INGESTED_AT_HEADER, iso(letter.getTimestamp()));
    ProducerRecord<String, DeadLetter> record = new ProducerRecord<>(deadLetterTopic, null,
        letter.getTimestamp().toEpochMilli(), rejection.origin(), letter, headers);
    deadLetters.send(record, reportFailure("dead letter", rejection.origin(), rejection.origin()));
  }

  /** The record timestamp of {@code article}; see the class comment. */
  static Instant eventTime(RawArticle article) {
    Instant published = article.getPublishedAt();
    Instant ingested = article.getIngestedAt();
    return published == null || published.isAfter(ingested) ? ingested : published;
  }

  private static byte[] iso(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString().getBytes(StandardCharsets.UTF_8);
  }

  private Callback reportFailure(String what, String key, String origin) {
    return (metadata, error) -> {
      if (error != null) {
        failed.incrementAndGet();
        LOG.error("could not deliver {} {} (from {}): {}", what, key, origin, error.toString());
      }
    };
  }

  @Override
  public void flush() {
    articles.flush();
    deadLetters.flush();
  }

  @Override
  public long failedDeliveries() {
    return failed.get();
  }

  /** Delivers what is pending (up to a minute), then releases the producers. */
  @Override
  public void close() {
    try {
      articles.close(CLOSE_TIMEOUT);
    } finally {
      deadLetters.close(CLOSE_TIMEOUT);
    }
  }
}
