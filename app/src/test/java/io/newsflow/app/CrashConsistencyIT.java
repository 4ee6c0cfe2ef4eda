package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.SourceOrdering;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.platform.SharedData;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's crash test: two enrich and two aggregate instances, each a JVM of its own, are killed
 * with SIGKILL at random points while a corpus flows through, and restarted. Exactly-once and the
 * source-order merge must leave no trace of it: every article enriched once and assigned once, story
 * versions without gaps or repeats, and the very stories of a run without faults.
 */
class CrashConsistencyIT {
  /** Corpora under ../shared/data; the default is Reuters-21578 and BBC, about 21,000 articles. */
  static final List<String> INPUTS =
      List.of(System.getProperty("newsflow.crash.inputs", "reuters-21578,bbc-news-2225").split(","));
  static final int KILLS = Integer.getInteger("newsflow.crash.kills", 6);
  static final long SEED = Long.getLong("newsflow.crash.seed", 20261122L);

  @TempDir Path dir;

  record Outcome(Map<String, Integer> enrichedCount, Map<String, List<StoryEvent>> eventsByStory,
                 Map<String, List<byte[]>> eventBytesByStory, int rawArticles, int deadLetters) {}

  @Test
  void killedInstancesLoseNothingRepeatNothingAndEndWithTheStoriesOfAFaultFreeRun() throws Exception {
    List<Path> inputs = INPUTS.stream().map(SharedData::path).toList();

    Outcome reference = run(inputs, dir.resolve("reference"), false);
    Outcome faulty = run(inputs, dir.resolve("faulty"), true);

    for (Outcome outcome : List.of(reference, faulty)) {
      assertThat(outcome.rawArticles()).isGreaterThan(INPUTS.size() > 1 ? 20_000 : 100);
      // every raw article enriched exactly once (the few the analysis rejects are dead letters instead)
      assertThat(outcome.enrichedCount().values()).containsOnly(1);
      assertThat(outcome.enrichedCount().size() + outcome.deadLetters()).isEqualTo(outcome.rawArticles());
      Map<String, Integer> joined = new HashMap<>();
      outcome.eventsByStory().forEach((story, events) -> {
        for (int i = 0; i < events.size(); i++) {
          assertThat(events.get(i).getSequence()).as("version %d of %s", i + 1, story).isEqualTo(i + 1);
        }
        events.stream().filter(e -> e.getType() == StoryEventType.STORY_STARTED
                || e.getType() == StoryEventType.ARTICLE_ADDED)
            .forEach(e -> joined.merge(e.getArticleId().toString(), 1, Integer::sum));
      });
      // every enriched article assigned exactly once
      assertThat(joined).isEqualTo(outcome.enrichedCount());
    }
    System.out.printf("crash test: %d kills survived; %d raw articles, %d enriched, %d enrich dead letters, %d stories,"
            + " %d story events checked against the fault-free run%n", KILLS, faulty.rawArticles(),
        faulty.enrichedCount().size(), faulty.deadLetters(), faulty.eventBytesByStory().size(),
        faulty.eventBytesByStory().values().stream().mapToInt(List::size).sum());
    assertThat(faulty.eventBytesByStory().keySet()).isEqualTo(reference.eventBytesByStory().keySet());
    faulty.eventBytesByStory().forEach((story, events) -> {
      List<byte[]> expected = reference.eventBytesByStory().get(story);
      assertThat(events).as("events of %s", story).hasSameSizeAs(expected);
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i)).as("event %d of %s", i + 1, story).isEqualTo(expected.get(i));
      }
    });
  }

  private Outcome run(List<Path> inputs, Path runDir, boolean faults) throws Exception {
    Files.createDirectories(runDir);
    NewsflowConfig config = TestCluster.isolatedConfig(runDir)
        .with(NewsflowConfig.PARTITIONS, "2")
        // A killed member is noticed after the session timeout; the merge waits that long and more
        // for the partitions it owned (ADR 16).
        .with("streams.session.timeout.ms", "10000")
        .with("streams.heartbeat.interval.ms", "2000")
        .with(SourceOrdering.MAX_STALL, "300000");
    try (Cluster cluster = Cluster.connect(config)) {
      cluster.provisionTopics();
      if (faults) {
        runWithFaults(cluster, config, inputs, runDir);
      } else {
        try (StreamsService enrich = Services.enrich(cluster).start();
             StreamsService aggregate = Services.aggregate(cluster).start()) {
          Services.ingestFiles(cluster, inputs, new PrintStream(new ByteArrayOutputStream()));
          awaitIdle(cluster);
        }
      }
      return outcome(config, cluster.topics());
    }
  }

  private void runWithFaults(Cluster cluster, NewsflowConfig config, List<Path> inputs, Path runDir)
      throws Exception {
    Path configFile = runDir.resolve("newsflow.properties");
    Properties properties = new Properties();
    properties.putAll(config.asMap());
    try (Writer out = Files.newBufferedWriter(configFile)) {
      properties.store(out, "crash test");
    }
    List<ChildService> children = new ArrayList<>();
    for (String service : List.of("enrich", "enrich", "aggregate", "aggregate")) {
      int n = children.size();
      children.add(new ChildService(service, configFile, runDir.resolve("instance-" + n),
          runDir.resolve("instance-" + n + ".log")).start());
    }
    try {
      Thread ingest = new Thread(() -> Services.ingestFiles(cluster, inputs, new PrintStream(new ByteArrayOutputStream())));
      ingest.start();
      Random random = new Random(SEED);
      for (int kill = 0; kill < KILLS; kill++) {
        Thread.sleep(3_000 + random.nextInt(12_000));
        ChildService victim = children.get(random.nextInt(children.size()));
        victim.kill();
        Thread.sleep(1_000 + random.nextInt(4_000));
        victim.start();
      }
      ingest.join();
      awaitIdle(cluster);
      assertThat(children).allMatch(ChildService::isAlive);
    } finally {
      for (ChildService child : children) {
        child.close();
      }
    }
  }

  private static void awaitIdle(Cluster cluster) throws Exception {
    try (Admin admin = cluster.admin()) {
      assertThat(PipelineIdle.await(admin, Services.consumerGroups(cluster),
          Services.settleTime(cluster).plusSeconds(5), Duration.ofMinutes(20))).isTrue();
    }
  }

  private static Outcome outcome(NewsflowConfig config, Topics topics) {
    int raw = TestTopics.readAll(config, topics.raw().name(), Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer()).size();
    Map<String, Integer> enriched = new TreeMap<>();
    for (ConsumerRecord<String, EnrichedArticle> r : TestTopics.readAll(config, topics.enriched().name(),
        Serdes.String().deserializer(), topics.enriched().valueSerde().deserializer())) {
      enriched.merge(r.value().getArticleId(), 1, Integer::sum);
    }
    int deadLetters = (int) TestTopics.readAll(config, topics.deadLetter().name(), Serdes.String().deserializer(),
            topics.deadLetter().valueSerde().deserializer()).stream()
        .filter(r -> r.value().getStage().equals(EnrichTopology.STAGE)).count();
    Map<String, List<StoryEvent>> events = new TreeMap<>();
    Map<String, List<byte[]>> bytes = new TreeMap<>();
    var decoder = topics.storyEvents().valueSerde().deserializer();
    for (ConsumerRecord<String, byte[]> r : TestTopics.readAll(config, topics.storyEvents().name(),
        Serdes.String().deserializer(), Serdes.ByteArray().deserializer())) {
      events.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(decoder.deserialize(r.topic(), r.value()));
      bytes.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Arrays.copyOf(r.value(), r.value().length));
    }
    return new Outcome(enriched, events, bytes, raw, deadLetters);
  }
}
