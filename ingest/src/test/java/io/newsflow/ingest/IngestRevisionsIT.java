package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.schemas.Topic;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unchanged articles are not republished, across restarts and instances, against the real broker. */
class IngestRevisionsIT {
  private static final Instant NOW = Instant.parse("2025-01-15T08:00:00Z");

  @TempDir
  Path dir;

  private NewsflowConfig config;
  private Topics topics;
  private Path input;

  @BeforeEach
  void ownTopicsAndAnInputOfThreeArticles() throws IOException {
    config = TestCluster.isolatedConfig(dir.resolve("data"));
    topics = TestTopics.provision(config, 2);
    input = dir.resolve("in");
    write("bbc/001.txt", "Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76%.");
    write("bbc/002.txt", "Dollar gains on Greenspan speech\n\nThe dollar has hit its highest level.");
    write("wire/feed.jsonl", "{\"id\":\"w1\",\"title\":\"Yukos unit buyer faces loan claim\",\"body\":\"The owners...\"}\n");
  }

  @Test
  void secondLoadPublishesNothingAndAChangedArticleBecomesRevisionTwoAcrossRestarts() throws IOException {
    // When one instance loads the input twice
    IngestSummary first;
    IngestSummary second;
    try (IngestService ingest = start("it-ingest-a-" + UUID.randomUUID())) {
      first = load(ingest);
      second = load(ingest);
    }
    // and a restarted instance loads it a third time
    IngestSummary afterRestart;
    try (IngestService ingest = start("it-ingest-a-" + UUID.randomUUID())) {
      afterRestart = load(ingest);
    }
    // and another instance loads it after one article's body changed
    write("bbc/001.txt", "Ad sales boost Time Warner profit\n\nQuarterly profits jumped 76% to $1.13bn.");
    IngestSummary afterChange;
    try (IngestService ingest = start("it-ingest-b-" + UUID.randomUUID())) {
      afterChange = load(ingest);
    }

    // Then only the first load and the changed article were published
    assertThat(first).isEqualTo(new IngestSummary(3, 0, 0, 0));
    assertThat(second).isEqualTo(new IngestSummary(0, 3, 0, 0));
    assertThat(afterRestart).isEqualTo(new IngestSummary(0, 3, 0, 0));
    assertThat(afterChange).isEqualTo(new IngestSummary(1, 2, 0, 0));

    // and the raw topic holds four records, the changed article's second one as revision 2
    String changedId = ArticleIds.forGuid("bbc", "001");
    List<ConsumerRecord<String, RawArticle>> raw = readAll(topics.raw(), 4);
    assertThat(raw).filteredOn(r -> r.key().equals(changedId)).extracting(r -> r.value().getRevision())
        .containsExactly(1, 2);
    assertThat(raw).filteredOn(r -> r.value().getRevision() == 2).singleElement()
        .satisfies(r -> assertThat(r.value().getBody()).isEqualTo("Quarterly profits jumped 76% to $1.13bn."));
    // numbered on from where the instances before it stopped: 0-2 by the first, 3 by the last
    assertThat(raw).extracting(r -> new String(r.headers().lastHeader(RawArticlePublisher.SEQUENCE_HEADER).value(),
        StandardCharsets.UTF_8)).containsExactlyInAnyOrder("0", "1", "2", "3");
    assertThat(raw).filteredOn(r -> r.value().getRevision() == 2).extracting(r -> new String(
        r.headers().lastHeader(RawArticlePublisher.SEQUENCE_HEADER).value(), StandardCharsets.UTF_8))
        .containsExactly("3");

    // and the ingest state says the same, record for record
    List<ConsumerRecord<String, PublishedRevision>> state = readAll(topics.ingestState(), 4);
    assertThat(state).extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrderElementsOf(raw.stream().map(ConsumerRecord::key).toList());
    assertThat(state).filteredOn(r -> r.key().equals(changedId)).extracting(r -> r.value().getRevision())
        .containsExactly(1, 2);
  }

  @Test
  void aCrashedInstancesOpenTransactionLeavesNeitherArticlesNorStateAndItsSuccessorPublishesThem() {
    // Given an instance that handed articles over and died before committing
    String transactionalId = "it-ingest-crash-" + UUID.randomUUID();
    RawArticlePublisher crashed = RawArticlePublisher.create(client(), topics, transactionalId);
    ArticleIntake doomed = new ArticleIntake(crashed, new PublishedRevisions(), Clock.fixed(NOW, ZoneOffset.UTC), 1000);
    new ArticleFiles().read(input, doomed);

    // When its successor starts under the same transactional id and loads the same input
    IngestSummary successor;
    try (IngestService ingest = start(transactionalId)) {
      successor = load(ingest);
    } finally {
      crashed.close();   // fenced by now: nothing of it can become visible
    }

    // Then the successor published everything once, and nothing of the dead instance is visible
    assertThat(successor).isEqualTo(new IngestSummary(3, 0, 0, 0));
    assertThat(readAll(topics.raw(), 3)).extracting(r -> r.value().getRevision()).containsOnly(1);
    assertThat(readAll(topics.ingestState(), 3)).hasSize(3);
  }

  private IngestService start(String transactionalId) {
    return IngestService.start(client(), topics, new IngestSettings(transactionalId, 2), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private Map<String, Object> client() {
    return Map.of("bootstrap.servers", TestCluster.bootstrapServers());
  }

  private IngestSummary load(IngestService ingest) {
    return new IngestRun(ingest.intake(), new PrintStream(OutputStream.nullOutputStream()), LoadProgress.Factory.HIDDEN)
        .ingest(input);
  }

  /** The committed records of {@code topic} once there are {@code expected} (and the end offsets say no more). */
  private <V> List<ConsumerRecord<String, V>> readAll(Topic<String, V> topic, int expected) {
    List<ConsumerRecord<String, V>> records = await().atMost(Duration.ofSeconds(30)).until(
        () -> TestTopics.readAll(config, topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer()),
        read -> read.size() >= expected);
    assertThat(records).hasSize(expected);
    return records;
  }

  private void write(String name, String text) throws IOException {
    Path file = input.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
