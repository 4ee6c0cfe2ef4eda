package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class RawArticlePublisherTest {
  private static final Instant PUBLISHED = Instant.parse("2024-03-01T10:15:30Z");
  private static final Instant INGESTED = Instant.parse("2025-01-15T08:00:00.123Z");

  private final Topics topics = new Topics(TopicNames.defaults(), 1, new InMemorySchemaRegistry());
  private final MockProducer<String, RawArticle> articles = new MockProducer<>(false, null,
      topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer());
  private final MockProducer<String, DeadLetter> deadLetters = new MockProducer<>(false, null,
      topics.deadLetter().keySerde().serializer(), topics.deadLetter().valueSerde().serializer());
  private final RawArticlePublisher publisher =
      new RawArticlePublisher(articles, deadLetters, topics.raw().name(), topics.deadLetter().name());

  @Test
  void articleIsKeyedByIdStampedWithItsPublicationTimeAndCarriesHeaders() {
    RawArticle article = article(PUBLISHED);

    publisher.publish(article);
    publisher.flush();

    ProducerRecord<String, RawArticle> sent = articles.history().get(0);
    assertThat(sent.topic()).isEqualTo(TopicNames.RAW);
    assertThat(sent.key()).isEqualTo(article.getArticleId());
    assertThat(sent.timestamp()).isEqualTo(PUBLISHED.toEpochMilli());
    assertThat(header(sent.headers(), RawArticlePublisher.SOURCE_HEADER)).isEqualTo("bbc");
    assertThat(header(sent.headers(), RawArticlePublisher.INGESTED_AT_HEADER)).isEqualTo("2025-01-15T08:00:00.123Z");
    assertThat(publisher.failedDeliveries()).isZero();
  }

  @Test
  void withoutAPlausiblePublicationTimeTheRecordCarriesTheIngestTime() {
    assertThat(RawArticlePublisher.eventTime(article(null))).isEqualTo(INGESTED);
    assertThat(RawArticlePublisher.eventTime(article(INGESTED.plusSeconds(86_400)))).as("dated in the future").isEqualTo(INGESTED);
    assertThat(RawArticlePublisher.eventTime(article(PUBLISHED))).isEqualTo(PUBLISHED);
  }

  @Test
  void rejectionBecomesADeadLetterKeyedByItsOrigin() {
    byte[] raw = "{not json".getBytes(StandardCharsets.UTF_8);

    publisher.reject(new Rejection("feed.jsonl:2", RejectionReason.INVALID_JSON, "Unexpected character", raw), INGESTED);
    publisher.flush();

    ProducerRecord<String, DeadLetter> sent = deadLetters.history().get(0);
    assertThat(sent.topic()).isEqualTo(TopicNames.DEAD_LETTER);
    assertThat(sent.key()).isEqualTo("feed.jsonl:2");
    assertThat(sent.timestamp()).isEqualTo(INGESTED.toEpochMilli());
    DeadLetter letter = sent.value();
    assertThat(letter.getStage()).isEqualTo("ingest");
    assertThat(letter.getReason()).isEqualTo("invalid-json");
    assertThat(letter.getError()).isEqualTo("Unexpected character");
    assertThat(letter.getOrigin()).isEqualTo("feed.jsonl:2");
    assertThat(letter.getValue().array()).isEqualTo(raw);
    assertThat(letter.getTopic()).isNull();
  }

  @Test
  void failedSendsAreCountedNotSwallowed() {
    publisher.publish(article(PUBLISHED));
    publisher.publish(article(PUBLISHED));
    publisher.reject(new Rejection("x", RejectionReason.NOT_FOUND, "gone", null), INGESTED);

    articles.errorNext(new TimeoutException("broker gone"));
    deadLetters.errorNext(new TimeoutException("broker gone"));
    publisher.flush();

    assertThat(publisher.failedDeliveries()).isEqualTo(2);
  }

  @Test
  void defaultsAreIdempotentAllAcksZstdAndShortLinger() {
    assertThat(RawArticlePublisher.producerDefaults()).containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all").containsEntry("compression.type", "zstd").containsEntry("linger.ms", 20);
  }

  private static RawArticle article(Instant publishedAt) {
    IncomingArticle in = new IncomingArticle("bbc", null, "001", "Title", "Body", false, null, null, publishedAt, "bbc/001.txt:1");
    return RawArticles.from(in, INGESTED);
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
