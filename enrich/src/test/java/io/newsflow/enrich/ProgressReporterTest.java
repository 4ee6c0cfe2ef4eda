package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.HeaderNames;
import io.newsflow.schemas.ProgressRecords;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.internal.IngestProgress;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrich's progress records (ADR 31), on the enrich topology in a test driver (one raw partition, 0). */
class ProgressReporterTest {
  static final Instant T0 = Instant.parse("2024-03-05T09:30:00Z");

  @TempDir Path stateDir;
  TopologyTestDriver driver;
  TestInputTopic<String, RawArticle> raw;
  TestInputTopic<String, IngestProgress> ingestProgress;
  TestOutputTopic<String, EnrichedArticle> enriched;

  @BeforeEach
  void start() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    Topics topics = new Topics(TopicNames.defaults(), 1, registry);
    NewsflowConfig config = NewsflowConfig.defaults()
        .with(NewsflowConfig.BOOTSTRAP_SERVERS, "unused:9092")
        .with(NewsflowConfig.DATA_DIR, stateDir.toString());
    driver = new TopologyTestDriver(EnrichTopology.build(topics, new ArticleEnricher(new ArticleAnalyzer(), 5000)),
        StreamsSettings.forApplication(config, EnrichTopology.APPLICATION_ID, EnrichTopology.STAGE,
            topics.deadLetter().name(), registry), T0);
    raw = driver.createInputTopic(topics.raw().name(), topics.raw().keySerde().serializer(),
        topics.raw().valueSerde().serializer());
    ingestProgress = driver.createInputTopic(topics.ingestProgress().name(), topics.ingestProgress().keySerde().serializer(),
        topics.ingestProgress().valueSerde().serializer());
    enriched = driver.createOutputTopic(topics.enriched().name(), topics.enriched().keySerde().deserializer(),
        topics.enriched().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  void article(String id, long sequence) {
    RawArticle article = RawArticle.newBuilder().setArticleId(id).setSource("wire").setUrl("https://wire.example/" + id)
        .setTitle("Talks in Moscow").setBody("Officials met in Moscow on Tuesday.").setBodyFormat(BodyFormat.TEXT)
        .setPublishedAt(T0).setIngestedAt(T0).setOrigin("test").build();
    RecordHeaders headers = new RecordHeaders();
    headers.add(HeaderNames.SEQUENCE, ProgressRecords.decimal(sequence));
    raw.pipeInput(new TestRecord<>(id, article, headers, T0));
  }

  void ingestCommitted(long through, long lastOffsetOfPartition0) {
    ingestProgress.pipeInput(ProgressRecords.INGEST_PROGRESS_KEY, new IngestProgress(through, List.of(lastOffsetOfPartition0, 7L)), T0);
  }

  /** The sequences of the progress records written since the last call; articles are checked to carry none. */
  List<Long> progress() {
    return enriched.readRecordsToList().stream()
        .filter(r -> r.value() == null)
        .peek(r -> assertThat(r.key()).isEqualTo(ProgressRecords.key(0)))
        .map(r -> ProgressRecords.progress(r.headers()))
        .map(OptionalLong::getAsLong)
        .toList();
  }

  @Test
  void vouchesForIngestsSequenceOnceItsPartitionIsProcessedThroughIngestsOffset() {
    article("a", 0);   // offset 0
    article("b", 2);   // offset 1; sequence 1 went to another partition
    ingestCommitted(3, 1);

    driver.advanceWallClockTime(ProgressReporter.INTERVAL);

    assertThat(progress()).containsExactly(3L);
  }

  @Test
  void waitsUntilTheRecordsIngestCountedAreProcessed() {
    article("a", 0);
    ingestCommitted(4, 2);   // ingest wrote offset 2 too, not yet processed here
    driver.advanceWallClockTime(ProgressReporter.INTERVAL);
    assertThat(progress()).isEmpty();

    article("b", 2);
    driver.advanceWallClockTime(ProgressReporter.INTERVAL);
    assertThat(progress()).as("offset 1 of 2").isEmpty();
    article("c", 4);
    driver.advanceWallClockTime(ProgressReporter.INTERVAL);
    assertThat(progress()).containsExactly(4L);
  }

  @Test
  void anEarlierCommitIsReportedWhileALaterOneIsStillAhead() {
    article("a", 0);
    ingestCommitted(1, 1);   // b, at offset 1, is not processed yet
    driver.advanceWallClockTime(ProgressReporter.INTERVAL);
    ingestCommitted(5, 3);
    driver.advanceWallClockTime(ProgressReporter.INTERVAL);
    assertThat(progress()).isEmpty();

    article("b", 1);
    driver.advanceWallClockTime(ProgressReporter.INTERVAL);
    assertThat(progress()).as("1 is reached, 5 is not").containsExactly(1L);

    article("c", 3);
    article("d", 5);
    driver.advanceWallClockTime(ProgressReporter.INTERVAL);
    assertThat(progress()).containsExactly(5L);
  }

  @Test
  void aPartitionIngestNeverWroteToIsCompleteAtOnceAndNothingIsRepeated() {
    ingestCommitted(9, -1);
    driver.advanceWallClockTime(ProgressReporter.INTERVAL);
    driver.advanceWallClockTime(Duration.ofSeconds(1));

    assertThat(progress()).containsExactly(9L);
  }
}
