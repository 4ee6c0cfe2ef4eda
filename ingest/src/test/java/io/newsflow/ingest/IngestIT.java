package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest against the real test broker: files in, raw articles and dead letters out. */
class IngestIT {
  private static final Instant NOW = Instant.parse("2025-01-15T08:00:00.250Z");
  private static final Instant MTIME_1 = Instant.parse("2024-03-01T10:15:30.123Z");
  private static final Instant MTIME_2 = Instant.parse("2024-03-02T07:00:00Z");

  @TempDir
  Path dir;

  @Test
  void publishesArticlesAndDeadLettersThatAReadCommittedConsumerSees() throws IOException {
    // Given topics of our own on the shared broker
    NewsflowConfig config = TestCluster.isolatedConfig(dir.resolve("data"));
    Topics topics = TestTopics.provision(config, 3);
    // and a folder with two good text files and a JSON Lines file whose only line is broken
    Path one = write("bbc/001.txt", "Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76%.", MTIME_1);
    Path two = write("bbc/002.txt", "Dollar gains on Greenspan speech\n\nThe dollar has hit its highest level.", MTIME_2);
    String badLine = "{\"id\": \"w1\", \"title\": \"Broken";
    Path feed = write("wire/feed.jsonl", badLine + "\n", MTIME_2);

    // When ingest runs with the real publisher
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    IngestSummary summary;
    try (IngestService ingest = IngestService.start(Map.of("bootstrap.servers", TestCluster.bootstrapServers()), topics,
        new IngestSettings("it-ingest-" + UUID.randomUUID(), 1000), Clock.fixed(NOW, ZoneOffset.UTC))) {
      summary = new IngestRun(ingest.intake(), new PrintStream(errors, true, StandardCharsets.UTF_8), LoadProgress.Factory.HIDDEN)
          .ingest(dir.resolve("in"));
    }

    // Then it reports one rejection and publishes the rest
    assertThat(summary).isEqualTo(new IngestSummary(2, 0, 1, 0));
    assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith(feed + ":1: invalid-json: ").hasLineCount(1);

    // and the raw topic holds both articles, keyed by id, stamped with the files' times, with headers
    List<ConsumerRecord<String, RawArticle>> articles = TestTopics.readExactly(topics.raw(), 2);
    articles.sort(Comparator.comparing(ConsumerRecord::timestamp));
    assertThat(articles).extracting(ConsumerRecord::key)
        .containsExactly(ArticleIds.forGuid("bbc", "001"), ArticleIds.forGuid("bbc", "002"));
    assertThat(articles).extracting(ConsumerRecord::timestamp)
        .containsExactly(MTIME_1.toEpochMilli(), MTIME_2.toEpochMilli());
    assertThat(articles).extracting(r -> header(r, RawArticlePublisher.SOURCE_HEADER)).containsOnly("bbc");
    assertThat(articles).extracting(r -> header(r, RawArticlePublisher.INGESTED_AT_HEADER)).containsOnly("2025-01-15T08:00:00.250Z");
    RawArticle first = articles.get(0).value();
    assertThat(first.getTitle()).isEqualTo("Ad sales boost Time Warner profit");
    assertThat(first.getBody()).isEqualTo("Quarterly profits jumped 76%.");
    assertThat(first.getOrigin()).isEqualTo(one + ":1");
    assertThat(articles.get(1).value().getOrigin()).isEqualTo(two + ":1");

    // and numbered in ingest's order, with the progress committed alongside: through 1, and for each of the
    // three partitions the offset of the article it holds (or -1)
    assertThat(articles).extracting(r -> header(r, RawArticlePublisher.SEQUENCE_HEADER)).containsExactly("0", "1");
    long[] lastOffsets = {-1, -1, -1};
    articles.forEach(r -> lastOffsets[r.partition()] = Math.max(lastOffsets[r.partition()], r.offset()));
    var progress = IngestStateReader.latestProgress(Map.of("bootstrap.servers", TestCluster.bootstrapServers()),
        topics.ingestProgress()).orElseThrow();
    assertThat(progress.getCommittedThrough()).isEqualTo(1L);
    assertThat(progress.getLastOffsets()).containsExactly(lastOffsets[0], lastOffsets[1], lastOffsets[2]);

    // and the dead-letter topic holds the broken line, whole
    List<ConsumerRecord<String, DeadLetter>> letters = TestTopics.readExactly(topics.deadLetter(), 1);
    ConsumerRecord<String, DeadLetter> letter = letters.get(0);
    assertThat(letter.key()).isEqualTo(feed + ":1");
    assertThat(letter.timestamp()).isEqualTo(NOW.toEpochMilli());
    assertThat(letter.value().getStage()).isEqualTo("ingest");
    assertThat(letter.value().getReason()).isEqualTo("invalid-json");
    assertThat(letter.value().getOrigin()).isEqualTo(feed + ":1");
    assertThat(bytes(letter.value().getValue())).isEqualTo(badLine.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aRejectedInputLargerThanARecordStillBecomesADeadLetterTheBrokerAccepts() throws IOException {
    NewsflowConfig config = TestCluster.isolatedConfig(dir.resolve("data"));
    Topics topics = TestTopics.provision(config, 1);
    // A 3 MiB text file that is not UTF-8: three times the broker's default record size.
    byte[] content = new byte[3 << 20];
    java.util.Arrays.fill(content, (byte) 'a');
    content[10] = (byte) 0xFF;
    Path file = dir.resolve("in/big/latin1.txt");
    Files.createDirectories(file.getParent());
    Files.write(file, content);

    IngestSummary summary;
    try (IngestService ingest = IngestService.start(Map.of("bootstrap.servers", TestCluster.bootstrapServers()), topics,
        new IngestSettings("it-ingest-" + UUID.randomUUID(), 1000), Clock.fixed(NOW, ZoneOffset.UTC))) {
      summary = new IngestRun(ingest.intake(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          LoadProgress.Factory.HIDDEN).ingest(dir.resolve("in"));
    }

    assertThat(summary).isEqualTo(new IngestSummary(0, 0, 1, 0));
    DeadLetter letter = TestTopics.readExactly(topics.deadLetter(), 1).get(0).value();
    assertThat(letter.getReason()).isEqualTo("not-utf8");
    assertThat(letter.getOriginalValueSize()).isEqualTo((long) content.length);
    assertThat(bytes(letter.getValue())).isEqualTo(java.util.Arrays.copyOf(content, 512 * 1024));
  }

  @Test
  void aMissingTopicStopsIngestAtStartWithAMessageThatNamesIt() {
    NewsflowConfig config = TestCluster.isolatedConfig(dir.resolve("data"));
    Topics provisioned = TestTopics.provision(config, 1);
    String missing = "it-missing-progress-" + UUID.randomUUID();
    Topics topics = new Topics(TopicNames.fromSettings(Map.of(
        "topic.raw", provisioned.raw().name(), "topic.deadletter", provisioned.deadLetter().name(),
        "topic.ingest-state", provisioned.ingestState().name(), "topic.ingest-progress", missing)), 1,
        new HttpSchemaRegistryClient(TestCluster.schemaRegistryUrl()));

    assertThatThrownBy(() -> IngestService.start(
            Map.of("bootstrap.servers", TestCluster.bootstrapServers()), topics,
            new IngestSettings("it-ingest-" + UUID.randomUUID(), 1000), Clock.fixed(NOW, ZoneOffset.UTC)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("topic " + missing + " does not exist: ingest needs it (1 partition(s)");
  }

  private static String header(ConsumerRecord<String, ?> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }

  private Path write(String name, String text, Instant modified) throws IOException {
    Path file = dir.resolve("in").resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }
}
