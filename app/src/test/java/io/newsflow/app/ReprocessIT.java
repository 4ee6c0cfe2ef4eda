package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.stories.TopicReader;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.avro.StorySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blue/green on the real broker: the live aggregate, a version with a clustering threshold no
 * topical match can reach beside it, {@code compare} between the two, and then the live one rebuilt
 * in place with {@code --reset}.
 */
class ReprocessIT {
  /** The quake again, from another outlet, in its own words: same event, same places, no copied sentences. */
  static final String QUAKE_FOLLOW_UP = """
      Chile earthquake: Valdivia counts the damage after tsunami alert

      Residents of Valdivia returned home on Wednesday after a magnitude 7.1 earthquake off southern Chile
      forced thousands to leave the coast. The tsunami alert issued by Chile's emergency office was lifted
      after a few hours. Engineers in the Los Rios region checked bridges and roads, and power was restored
      to most homes by the evening. Chile sits on the Pacific ring of fire and is hit by strong earthquakes often.
      """;

  @TempDir Path dir;

  @Test
  void aVersionWithAHigherThresholdSplitsTheTopicalMatchAndCompareSaysSoThenResetRebuildsInPlace() throws Exception {
    // Given: the live pipeline has put two copies of a wire story and a follow-up in other words into
    // one story, and an unrelated article into another: A = {quake, copy, follow-up}, {budget}
    Path input = dir.resolve("input");
    PipelineIT.write(input.resolve("wire/chile-quake.txt"), PipelineIT.QUAKE);
    PipelineIT.write(input.resolve("daily/quake-copy.txt"), PipelineIT.QUAKE_SYNDICATED);
    PipelineIT.write(input.resolve("herald/quake-follow-up.txt"), QUAKE_FOLLOW_UP);
    PipelineIT.write(input.resolve("nordic/budget.txt"), PipelineIT.BUDGET);
    NewsflowConfig config = TestCluster.isolatedConfig(dir.resolve("data"));
    Path live = CommandLines.write(config, dir.resolve("live.properties"));
    // Scores stay under 6 (the weights of the positive signals, each at most 1, sum to 5.9): at 6 only exact and near
    // duplicates still join a story
    Path strict = CommandLines.write(config.with("aggregate.threshold", "6"), dir.resolve("strict.properties"));
    String snapshots = config.require("topic.story-snapshots");
    String assignments = config.require("topic.assignments");

    try (Cluster cluster = Cluster.connect(config)) {
      cluster.provisionTopics();
      try (StreamsService enrich = Services.enrich(cluster).start()) {
        try (StreamsService aggregate = Services.aggregate(cluster).start(); Admin admin = cluster.admin()) {
          IngestSummary ingested = Services.ingestFiles(cluster, List.of(input), new PrintStream(new ByteArrayOutputStream()));
          assertThat(ingested.published()).isEqualTo(4);
          assertThat(PipelineIdle.await(admin, Services.consumerGroups(cluster), Services.settleTime(cluster), Duration.ofMinutes(3))).isTrue();
          assertThat(storySizes(config, cluster)).containsExactly(Map.entry("Parliament approves spending plan after long debate", 1),
              Map.entry("Strong earthquake shakes southern Chile", 3));

          // When: version v2 of aggregate, with the strict threshold, runs beside the live one
          CommandLines.Result reprocess = CommandLines.run(strict, "reprocess", "--service", "aggregate", "--version", "v2",
              "--exit-when-idle", "--idle-timeout", "PT3M");
          assertThat(reprocess.exit()).as(reprocess.err()).isZero();
          assertThat(reprocess.err()).contains("reprocess aggregate as " + config.require("application.id.aggregate") + "-v2, writing "
              + config.require("topic.story-events") + ".v2, " + snapshots + ".v2, " + assignments + ".v2, "
              + config.require("topic.deadletter") + ".v2");

          // Then: compare finds the follow-up split off into a story of its own, and nothing else changed
          CommandLines.Result compare = CommandLines.run(live, "compare", "--topic-a", snapshots, "--topic-b", snapshots + ".v2");
          assertThat(compare.exit()).as(compare.err()).isZero();
          assertThat(compare.out().lines().toList()).satisfiesExactly(
              l -> assertThat(l).isEqualTo("a: " + snapshots + " (snapshots): 4 articles in 2 stories"),
              l -> assertThat(l).isEqualTo("b: " + snapshots + ".v2 (snapshots): 4 articles in 3 stories"),
              l -> assertThat(l).isEqualTo("articles only in a: 0, only in b: 0"),
              l -> assertThat(l).isEqualTo("stories identical: 1, split: 1, merged: 0, only in a: 0, only in b: 0"),
              l -> assertThat(l).isEqualTo("articles moved: 1"),
              l -> assertThat(l).matches("split: s-\\w+ \"Strong earthquake shakes southern Chile\" \\(3 articles\\) -> "
                  + "s-\\w+ \"Strong earthquake shakes southern Chile\" 2, s-\\w+ \"Chile earthquake: Valdivia counts the damage after tsunami alert\" 1"),
              // B-cubed with A as reference: precision 1; recall (2/3 + 2/3 + 1/3 + 1) / 4 = 2/3; F1 0.8
              l -> assertThat(l).isEqualTo("b-cubed of b against a: precision 1.0000 recall 0.6667 f1 0.8000"));

          // and --reset refuses while the live aggregate still runs
          CommandLines.Result refused = CommandLines.run(strict, "reprocess", "--service", "aggregate", "--reset", "--reset-wait", "PT2S",
              "--exit-when-idle");
          assertThat(refused.exit()).isEqualTo(ExitCodes.FAILED);
          assertThat(refused.err()).contains("still has 1 running instance(s); stop every instance before resetting it");
        }

        // When: the live aggregate is stopped and rebuilt in place with the strict threshold (its
        // member leaves the group when its session times out: reset waits for that)
        CommandLines.Result reset = CommandLines.run(strict, "reprocess", "--service", "aggregate", "--reset",
            "--exit-when-idle", "--idle-timeout", "PT3M");
        assertThat(reset.exit()).as(reset.err()).isZero();
        String applicationId = config.require("application.id.aggregate");
        // Its inputs: the enriched articles, and its own snapshots and assignments behind the story-query tables.
        // (the partitions of those three topics it had committed offsets on)
        assertThat(reset.err()).containsPattern("reset " + applicationId + ": [1-6] input partition\\(s\\) rewound to the "
            + "earliest offset, internal topics deleted: \\[")
            .contains(applicationId + "-articles-by-shard-repartition", applicationId + "-story-state-store-changelog");

        // Then: the live assignments now agree with v2's exactly
        CommandLines.Result after = CommandLines.run(live, "compare", "--topic-a", assignments + ".v2", "--topic-b", assignments);
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out()).contains("a: " + assignments + ".v2 (assignments): 4 articles in 3 stories",
            "stories identical: 3, split: 0, merged: 0, only in a: 0, only in b: 0", "articles moved: 0",
            "b-cubed of b against a: precision 1.0000 recall 1.0000 f1 1.0000");
      }
    }
  }

  /** Headline → number of articles, of every story in the live snapshots. */
  private static Map<String, Integer> storySizes(NewsflowConfig config, Cluster cluster) {
    Map<String, StorySnapshot> latest = new TreeMap<>();
    try (TopicReader<String, StorySnapshot> r = new TopicReader<>(config.kafkaClientProperties(), cluster.topics().storySnapshots())) {
      r.readAll().forEach(rec -> latest.put(rec.key(), rec.value()));
    }
    Map<String, Integer> sizes = new TreeMap<>();
    latest.values().forEach(s -> sizes.put(s.getHeadline(), s.getArticles().size()));
    return sizes;
  }
}
