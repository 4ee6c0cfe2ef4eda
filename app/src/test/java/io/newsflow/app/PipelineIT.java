package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.stories.TopicReader;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.platform.SharedData;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.avro.StorySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three services on the real broker and registry: files in, stories out. */
class PipelineIT {
  static final String QUAKE = """
      Strong earthquake shakes southern Chile

      A magnitude 7.1 earthquake struck off the coast of southern Chile on Tuesday, shaking buildings in
      the port city of Valdivia and prompting a brief tsunami warning, the national emergency office said.
      There were no immediate reports of deaths. Officials said power was cut to thousands of homes in the
      Los Rios region while engineers inspected bridges and roads for damage. Residents of coastal towns
      moved to higher ground for several hours before the warning was lifted in the afternoon.
      """;
  static final String QUAKE_SYNDICATED = """
      Strong earthquake shakes southern Chile

      A magnitude 7.1 earthquake struck off the coast of southern Chile on Tuesday, shaking buildings in
      the port city of Valdivia and prompting a brief tsunami warning, the national emergency office said.
      There were no immediate reports of deaths or serious injuries. Officials said power was cut to thousands
      of homes in the Los Rios region while engineers inspected bridges and roads for damage. Residents of
      coastal towns moved to higher ground for several hours before the warning was lifted in the afternoon.
      READ MORE: Chile's strongest earthquakes
      """;
  static final String BUDGET = """
      Parliament approves spending plan after long debate

      Lawmakers in Oslo approved the government's spending plan for next year by a narrow margin late on
      Wednesday, after a debate that ran for more than twelve hours. The plan raises spending on railways and
      schools and trims subsidies for fossil fuel producers. The finance minister said the budget would keep
      inflation in check while funding the new rail link between the capital and Bergen.
      """;

  @TempDir Path dir;

  @Test
  void nearDuplicatesFromTwoSourcesEndInOneStoryAndAnUnrelatedArticleInAnother() throws Exception {
    // Given: two outlets carrying the same wire story, and a third article about something else
    Path input = dir.resolve("input");
    write(input.resolve("wire/chile-quake.txt"), QUAKE);
    write(input.resolve("daily/quake-copy.txt"), QUAKE_SYNDICATED);
    write(input.resolve("nordic/budget.txt"), BUDGET);
    NewsflowConfig config = TestCluster.isolatedConfig(dir.resolve("data"));

    try (Cluster cluster = Cluster.connect(config)) {
      cluster.provisionTopics();
      // When: the services run and the files are ingested
      try (StreamsService enrich = Services.enrich(cluster).start();
           StreamsService aggregate = Services.aggregate(cluster).start()) {
        IngestSummary summary = Services.ingestFiles(cluster, List.of(input), new PrintStream(new ByteArrayOutputStream()));
        assertThat(summary.published()).isEqualTo(3);

        // Then: every article is assigned, the two copies to one story
        Map<String, ArticleAssignment> assignments = new HashMap<>();
        try (TopicReader<String, ArticleAssignment> reader =
                 new TopicReader<>(config.kafkaClientProperties(), cluster.topics().assignments())) {
          await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            reader.readAll().forEach(r -> assignments.put(r.key(), r.value()));
            assertThat(assignments).hasSize(3);
          });
        }
        Map<String, List<ArticleAssignment>> byStory = assignments.values().stream()
            .collect(Collectors.groupingBy(ArticleAssignment::getStoryId));
        assertThat(byStory).hasSize(2);
        List<ArticleAssignment> quakeStory = byStory.values().stream().filter(l -> l.size() == 2).findFirst().orElseThrow();
        assertThat(quakeStory).extracting(ArticleAssignment::getRole)
            .containsExactlyInAnyOrder(ArticleRole.NEW_REPORT, ArticleRole.NEAR_DUPLICATE);
        String quakeStoryId = quakeStory.get(0).getStoryId();

        List<StoryEvent> events = readAll(config, cluster, cluster.topics().storyEvents()).stream()
            .map(ConsumerRecord::value).toList();
        assertThat(events).filteredOn(e -> e.getStoryId().equals(quakeStoryId)).extracting(StoryEvent::getType)
            .containsExactly(StoryEventType.STORY_STARTED, StoryEventType.ARTICLE_ADDED, StoryEventType.STORY_UPDATED);
        assertThat(events).filteredOn(e -> !e.getStoryId().equals(quakeStoryId)).extracting(StoryEvent::getType)
            .containsExactly(StoryEventType.STORY_STARTED);

        Map<String, StorySnapshot> snapshots = new HashMap<>();
        readAll(config, cluster, cluster.topics().storySnapshots()).forEach(r -> snapshots.put(r.key(), r.value()));
        StorySnapshot quake = snapshots.get(quakeStoryId);
        assertThat(quake.getHeadline()).isEqualTo("Strong earthquake shakes southern Chile");
        assertThat(quake.getSources()).containsExactly("daily", "wire");
        assertThat(quake.getEntities()).extracting(e -> e.getName()).contains("Chile");
        assertThat(snapshots.values()).filteredOn(s -> !s.getStoryId().equals(quakeStoryId))
            .singleElement().satisfies(s -> assertThat(s.getSources()).containsExactly("nordic"));
      }
    }
  }

  @Test
  void theSameInputGivesByteIdenticalStoryEventsInAFreshPipelineEvenOverThreePartitions() throws Exception {
    // Given: a real corpus folder (510 BBC business articles, some of them byte-identical copies), and
    // three partitions per topic, so enrichment interleaves differently in each run (ADR 0016)
    Path corpus = SharedData.path("bbc-news-2225/business");

    // When: two fresh pipelines (own topics, groups and state) ingest it
    List<byte[]> first = storyEventBytes(corpus, dir.resolve("first"));
    List<byte[]> second = storyEventBytes(corpus, dir.resolve("second"));

    // Then: the same events, byte for byte, in the same order on each partition
    assertThat(first).hasSizeGreaterThan(500);
    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).as("event %d", i).isEqualTo(first.get(i));
    }
  }

  /** Story events of one fresh three-partition pipeline over {@code corpus}, as bytes, by partition and offset. */
  private static List<byte[]> storyEventBytes(Path corpus, Path dataDir) throws Exception {
    NewsflowConfig config = TestCluster.isolatedConfig(dataDir).with(NewsflowConfig.PARTITIONS, "3");
    try (Cluster cluster = Cluster.connect(config)) {
      cluster.provisionTopics();
      try (StreamsService enrich = Services.enrich(cluster).start();
           StreamsService aggregate = Services.aggregate(cluster).start();
           Admin admin = cluster.admin()) {
        Services.ingestFiles(cluster, List.of(corpus), new PrintStream(new ByteArrayOutputStream()));
        assertThat(PipelineIdle.await(admin, Services.consumerGroups(cluster), Services.settleTime(cluster),
            Duration.ofMinutes(3))).isTrue();
      }
      return TestTopics.readAll(config, cluster.topics().storyEvents().name(), Serdes.String().deserializer(),
              Serdes.ByteArray().deserializer()).stream()
          .sorted(Comparator.comparingInt(ConsumerRecord<String, byte[]>::partition)
              .thenComparingLong(ConsumerRecord::offset))
          .map(ConsumerRecord::value).toList();
    }
  }

  private static <V> List<ConsumerRecord<String, V>> readAll(NewsflowConfig config, Cluster cluster,
                                                             io.newsflow.schemas.Topic<String, V> topic) {
    try (TopicReader<String, V> reader = new TopicReader<>(config.kafkaClientProperties(), topic)) {
      return reader.readAll();
    }
  }

  static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.stripIndent());
  }
}
