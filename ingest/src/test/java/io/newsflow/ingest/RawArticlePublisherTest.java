package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.internal.IngestProgress;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RawArticlePublisherTest {
  private static final Instant PUBLISHED = Instant.parse("2024-03-01T10:15:30Z");
  private static final Instant INGESTED = Instant.parse("2025-01-15T08:00:00.123Z");

  private final Topics topics = new Topics(TopicNames.defaults(), 1, new InMemorySchemaRegistry());
  private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null,
      new StringSerializer(), new ByteArraySerializer());
  private final RawArticlePublisher publisher = new RawArticlePublisher(producer, topics);

  RawArticlePublisherTest() {
    producer.initTransactions();
  }

  @Test
  void articleAndItsStateAreWrittenInOneTransactionKeyedByIdWithHeaders() {
    RawArticle article = article(PUBLISHED);

    publisher.publish(article, state(article));
    assertThat(producer.transactionInFlight()).isTrue();
    assertThat(publisher.commit()).isTrue();

    assertThat(producer.transactionCommitted()).isTrue();
    assertThat(producer.history()).extracting(ProducerRecord::topic)
        .containsExactly(TopicNames.RAW, TopicNames.INGEST_STATE, TopicNames.INGEST_PROGRESS);
    ProducerRecord<String, byte[]> sent = producer.history().get(0);
    assertThat(sent.key()).isEqualTo(article.getArticleId());
    assertThat(sent.timestamp()).isEqualTo(PUBLISHED.toEpochMilli());
    assertThat(header(sent.headers(), RawArticlePublisher.SOURCE_HEADER)).isEqualTo("bbc");
    assertThat(header(sent.headers(), RawArticlePublisher.INGESTED_AT_HEADER)).isEqualTo("2025-01-15T08:00:00.123Z");
    assertThat(topics.raw().valueSerde().deserializer().deserialize(TopicNames.RAW, sent.value())).isEqualTo(article);
    ProducerRecord<String, byte[]> stateRecord = producer.history().get(1);
    assertThat(stateRecord.key()).isEqualTo(article.getArticleId());
    assertThat(topics.ingestState().valueSerde().deserializer().deserialize(TopicNames.INGEST_STATE, stateRecord.value()))
        .isEqualTo(state(article));
  }

  @Test
  void failedCommitIsAbortedAndReportedSoTheNextBatchCanGo() {
    publisher.publish(article(PUBLISHED), state(article(PUBLISHED)));
    producer.commitTransactionException = new TimeoutException("broker gone");

    assertThat(publisher.commit()).isFalse();
    assertThat(producer.transactionAborted()).isTrue();

    producer.commitTransactionException = null;
    publisher.publish(article(PUBLISHED), state(article(PUBLISHED)));
    assertThat(publisher.commit()).isTrue();
    assertThat(producer.transactionCommitted()).isTrue();
  }

  @Test
  void fencedProducerStopsTheInstance() {
    publisher.publish(article(PUBLISHED), state(article(PUBLISHED)));
    producer.commitTransactionException = new ProducerFencedException("another instance took over");

    assertThatThrownBy(publisher::commit).isInstanceOf(ProducerFencedException.class);
  }

  @Test
  void articlesAreNumberedInCommitOrderAndEachCommitSaysHowFarAndWhereEachPartitionStood() {
    publisher.publish(article(PUBLISHED), state(article(PUBLISHED)));
    publisher.publish(article(PUBLISHED), state(article(PUBLISHED)));
    publisher.commit();
    publisher.publish(article(PUBLISHED), state(article(PUBLISHED)));
    producer.commitTransactionException = new TimeoutException("broker gone");
    assertThat(publisher.commit()).isFalse();
    producer.commitTransactionException = null;
    publisher.publish(article(PUBLISHED), state(article(PUBLISHED)));
    publisher.commit();

    List<ProducerRecord<String, byte[]>> raw = producer.history().stream()
        .filter(r -> r.topic().equals(TopicNames.RAW)).toList();
    assertThat(raw).extracting(r -> header(r.headers(), RawArticlePublisher.SEQUENCE_HEADER))
        .as("the aborted article is not in the history; the next one got its number").containsExactly("0", "1", "2");
    List<IngestProgress> progress = producer.history().stream()
        .filter(r -> r.topic().equals(TopicNames.INGEST_PROGRESS))
        .map(r -> topics.ingestProgress().valueSerde().deserializer().deserialize(r.topic(), r.value())).toList();
    assertThat(progress).extracting(IngestProgress::getCommittedThrough).containsExactly(1L, 2L);
    // MockProducer puts everything in partition 0 and numbers offsets there, aborted sends included.
    assertThat(progress).extracting(p -> p.getLastOffsets().get(0)).containsExactly(1L, 3L);
  }

  @Test
  void aRestartedIngestContinuesAfterTheLatestCommittedProgress() {
    publisher.continueAfter(new IngestProgress(41L, List.of(7L)));
    publisher.publish(article(PUBLISHED), state(article(PUBLISHED)));
    publisher.commit();

    assertThat(header(producer.history().get(0).headers(), RawArticlePublisher.SEQUENCE_HEADER)).isEqualTo("42");
    IngestProgress progress = topics.ingestProgress().valueSerde().deserializer()
        .deserialize(TopicNames.INGEST_PROGRESS, producer.history().get(2).value());
    assertThat(progress.getCommittedThrough()).isEqualTo(42L);
    assertThat(progress.getLastOffsets()).as("MockProducer's own offset, past the 7 of before").containsExactly(7L);
  }

  @Test
  void commitWithNothingPendingWritesNothing() {
    assertThat(publisher.commit()).isTrue();
    assertThat(producer.history()).isEmpty();
    assertThat(producer.transactionInFlight()).isFalse();
  }

  @Test
  void withoutAPlausiblePublicationTimeTheRecordCarriesTheIngestTime() {
    publisher.publish(article(null), state(article(null)));
    publisher.publish(article(INGESTED.plusSeconds(86_400)), state(article(INGESTED.plusSeconds(86_400))));
    publisher.commit();

    assertThat(producer.history()).filteredOn(r -> r.topic().equals(TopicNames.RAW))
        .extracting(ProducerRecord::timestamp).as("undated, then dated a day after it was read")
        .containsExactly(INGESTED.toEpochMilli(), INGESTED.toEpochMilli());
  }

  @Test
  void rejectionBecomesADeadLetterKeyedByItsOrigin() {
    byte[] raw = "{not json".getBytes(StandardCharsets.UTF_8);

    publisher.reject(new Rejection("feed.jsonl:2", RejectionReason.INVALID_JSON, "Unexpected character", raw), INGESTED);
    publisher.commit();

    ProducerRecord<String, byte[]> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo(TopicNames.DEAD_LETTER);
    assertThat(sent.key()).isEqualTo("feed.jsonl:2");
    assertThat(sent.timestamp()).isEqualTo(INGESTED.toEpochMilli());
    DeadLetter letter = topics.deadLetter().valueSerde().deserializer().deserialize(TopicNames.DEAD_LETTER, sent.value());
    assertThat(letter.getStage()).isEqualTo("ingest");
    assertThat(letter.getReason()).isEqualTo("invalid-json");
    assertThat(letter.getError()).isEqualTo("Unexpected character");
    assertThat(letter.getOrigin()).isEqualTo("feed.jsonl:2");
    assertThat(letter.getValue().array()).isEqualTo(raw);
    assertThat(letter.getTopic()).isNull();
  }

  @Test
  void defaultsAreIdempotentAllAcksZstdAndShortLinger() {
    assertThat(RawArticlePublisher.producerDefaults()).containsEntry("enable.idempotence", true)
        .containsEntry("acks", "all").containsEntry("compression.type", "gzip").containsEntry("linger.ms", 20);
  }

  private static RawArticle article(Instant publishedAt) {
    IncomingArticle in = new IncomingArticle("bbc", null, "001", "Title", "Body", false, null, null, publishedAt, "bbc/001.txt:1");
    return RawArticles.from(in, INGESTED);
  }

  private static PublishedRevision state(RawArticle article) {
    return PublishedRevision.newBuilder().setArticleId(article.getArticleId())
        .setContentHash(ContentHash.of(article.getTitle(), article.getBody())).setRevision(1)
        .setPublishedAt(INGESTED).build();
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
