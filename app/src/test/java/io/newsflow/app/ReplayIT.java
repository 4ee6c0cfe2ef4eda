package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.stories.StoryJson;
import io.newsflow.app.stories.TopicReader;
import io.newsflow.platform.SharedData;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.avro.StorySnapshot;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow replay} into real pipelines on the real broker. */
class ReplayIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant EPOCH = Instant.parse("2005-03-01T00:00:00Z");

  @TempDir Path dir;

  /**
   * The first {@code count} BBC business articles as a JSON Lines archive whose publication times are
   * {@code gap} apart in an order unrelated to the file order (index × 7 mod count), so a replay
   * really has to sort.
   */
  private Path archive(int count, Duration gap) throws Exception {
    Path file = dir.resolve("archive-" + count + ".jsonl");
    List<Path> texts;
    try (Stream<Path> files = Files.list(SharedData.path("bbc-news-2225/business"))) {
      texts = files.sorted().limit(count).toList();
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < texts.size(); i++) {
        String[] parts = Files.readString(texts.get(i), StandardCharsets.ISO_8859_1).split("\n", 2);
        Map<String, String> line = new LinkedHashMap<>();
        line.put("id", texts.get(i).getFileName().toString());
        line.put("source", i % 3 == 0 ? "wire" : "daily");
        line.put("title", parts[0].strip());
        line.put("body", parts[1].strip());
        line.put("published", EPOCH.plus(gap.multipliedBy((i * 7L) % count)).toString());
        w.write(JSON.writeValueAsString(line));
        w.write('\n');
      }
    }
    return file;
  }

  /** A fresh pipeline (own topics, groups and state) with {@code newsflow replay} run into it. */
  private final class Pipeline implements AutoCloseable {
    final NewsflowConfig config;
    final Path configFile;
    final Cluster cluster;
    final StreamsService enrich;
    final StreamsService aggregate;

    Pipeline(String name) throws Exception {
      config = TestCluster.isolatedConfig(dir.resolve(name));
      configFile = CommandLines.write(config, dir.resolve(name + ".properties"));
      cluster = Cluster.connect(config);
      cluster.provisionTopics();
      enrich = Services.enrich(cluster).start();
      aggregate = Services.aggregate(cluster).start();
    }

    CommandLines.Result replay(Path archive, String speed) {
      return CommandLines.run(configFile, "replay", "--input", archive.toString(), "--speed", speed, "--until-idle",
          "--idle-timeout", "PT5M");
    }

    /** A topic's records by partition, then offset: the order a topic has (across partitions there is none). */
    List<ConsumerRecord<String, byte[]>> bytes(String topic) {
      return TestTopics.readAll(config, topic, Serdes.String().deserializer(), Serdes.ByteArray().deserializer()).stream()
          .sorted(java.util.Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
              .thenComparingLong(ConsumerRecord::offset))
          .toList();
    }

    /** Article id → story id, and each story as the JSON that {@code run} prints. */
    Map<String, String> assignments() {
      Map<String, String> storyOf = new TreeMap<>();
      try (TopicReader<String, ArticleAssignment> r = new TopicReader<>(config.kafkaClientProperties(), cluster.topics().assignments())) {
        r.readAll().forEach(rec -> storyOf.put(rec.key(), rec.value().getStoryId()));
      }
      return storyOf;
    }

    Map<String, String> stories() {
      Map<String, String> stories = new TreeMap<>();
      try (TopicReader<String, StorySnapshot> r = new TopicReader<>(config.kafkaClientProperties(), cluster.topics().storySnapshots())) {
        r.readAll().forEach(rec -> stories.put(rec.key(), StoryJson.story(rec.value())));
      }
      return stories;
    }

    @Override
    public void close() {
      aggregate.close();
      enrich.close();
      cluster.close();
    }
  }

  @Test
  void theSameArchiveReplayedIntoTwoFreshPipelinesGivesByteIdenticalStoryEventsAndASecondReplayPublishesNothing() throws Exception {
    // Given: 150 articles three hours apart, out of order in the file: 18.75 days, longer than the
    // 14-day idle close, so stories are closed by event time on the way (ADR 14)
    Path archive = archive(150, Duration.ofHours(3));
    List<byte[]> first;
    List<byte[]> second;

    // When: each of two fresh pipelines gets the archive replayed at full speed
    try (Pipeline one = new Pipeline("one")) {
      CommandLines.Result replay = one.replay(archive, "max");
      assertThat(replay.exit()).as(replay.err()).isZero();
      assertThat(replay.err()).contains("replay: published 150, unchanged 0, rejected 0, skipped by date 0")
          .containsPattern("end to end: 150 articles published and consumed by every stage in [0-9.]+ s: [0-9]+ articles/s");

      // Then: the raw topic holds them in publication order, each timestamped with its publication time
      List<RawArticle> raw = new java.util.ArrayList<>();
      List<Long> timestamps = new java.util.ArrayList<>();
      try (TopicReader<String, RawArticle> r = new TopicReader<>(one.config.kafkaClientProperties(), one.cluster.topics().raw())) {
        r.readAll().forEach(rec -> {
          raw.add(rec.value());
          timestamps.add(rec.timestamp());
        });
      }
      assertThat(raw).hasSize(150);
      assertThat(raw).extracting(a -> a.getPublishedAt().toEpochMilli()).containsExactlyElementsOf(timestamps);
      assertThat(timestamps).isSorted();
      assertThat(timestamps.get(0)).isEqualTo(EPOCH.toEpochMilli());

      // and replaying it again publishes nothing twice
      CommandLines.Result again = one.replay(archive, "max");
      assertThat(again.exit()).as(again.err()).isZero();
      assertThat(again.err()).contains("replay: published 0, unchanged 150, rejected 0, skipped by date 0");
      assertThat(one.bytes(one.cluster.topics().raw().name())).hasSize(150);
      first = one.bytes(one.cluster.topics().storyEvents().name()).stream().map(ConsumerRecord::value).toList();
      var events = one.cluster.topics().storyEvents().valueSerde().deserializer();
      assertThat(first).extracting(b -> events.deserialize(one.cluster.topics().storyEvents().name(), b).getType())
          .contains(StoryEventType.STORY_CLOSED);
    }
    try (Pipeline two = new Pipeline("two")) {
      assertThat(two.replay(archive, "max").exit()).isZero();
      second = two.bytes(two.cluster.topics().storyEvents().name()).stream().map(ConsumerRecord::value).toList();
    }

    // Then: the same story events, byte for byte, in the same order
    assertThat(first).hasSizeGreaterThan(150);
    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).as("event %d", i).isEqualTo(first.get(i));
    }
  }

  @Test
  void compressedTimeAndFullSpeedGiveTheSameStories() throws Exception {
    // Given: 40 articles two minutes apart: 78 minutes of archive, 4.7 s at 1000x
    Path archive = archive(40, Duration.ofMinutes(2));
    Map<String, String> fastAssignments;
    Map<String, String> fastStories;
    try (Pipeline fast = new Pipeline("max")) {
      assertThat(fast.replay(archive, "max").exit()).isZero();
      fastAssignments = fast.assignments();
      fastStories = fast.stories();
    }

    // When: the same archive is replayed at 1000x into a fresh pipeline
    try (Pipeline paced = new Pipeline("paced")) {
      CommandLines.Result replay = paced.replay(archive, "1000x");
      assertThat(replay.exit()).as(replay.err()).isZero();

      // Then: every article is in the same story, and every story is the same
      assertThat(fastAssignments).hasSize(40);
      assertThat(paced.assignments()).isEqualTo(fastAssignments);
      assertThat(paced.stories()).isEqualTo(fastStories);
    }
  }

  @Test
  void aDateWindowReplaysOnlyItsArticlesAndCountsTheRest() throws Exception {
    Path archive = archive(40, Duration.ofHours(1));
    try (Pipeline pipeline = new Pipeline("window")) {
      // 2005-03-01T00:00 to 10:00 holds hours 0..9: 10 of the 40 articles
      CommandLines.Result replay = CommandLines.run(pipeline.configFile, "replay", "--input", archive.toString(),
          "--from", "2005-03-01", "--to", "2005-03-01T10:00:00Z");
      assertThat(replay.exit()).as(replay.err()).isZero();
      assertThat(replay.err()).contains("replay: published 10, unchanged 0, rejected 0, skipped by date 30");
      assertThat(pipeline.bytes(pipeline.cluster.topics().raw().name()))
          .allSatisfy(r -> assertThat(r.timestamp()).isLessThan(Instant.parse("2005-03-01T10:00:00Z").toEpochMilli()))
          .hasSize(10);
    }
  }
}
