package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.Services;
import io.newsflow.platform.SharedData;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9's crash test: two enrich and two aggregate instances, each a JVM of its own, are killed
 * with SIGKILL at random points while a corpus flows through, and restarted. Exactly-once and the
 * source-order merge must leave no trace of it: every article enriched once and assigned once, story
 * versions without gaps or repeats, and the very stories of a run without faults.
 */
@Tag("long")
class CrashConsistencyIT {
  /** Corpora under ../shared/data; the default is Reuters-21578 and BBC, about 21,000 articles. */
  static final List<String> INPUTS =
      List.of(System.getProperty("newsflow.crash.inputs", "reuters-21578,bbc-news-2225").split(","));
  static final int KILLS = Integer.getInteger("newsflow.crash.kills", 6);
  static final long SEED = Long.getLong("newsflow.crash.seed", 20261122L);

  @TempDir Path dir;

  @Test
  void killedInstancesLoseNothingRepeatNothingAndEndWithTheStoriesOfAFaultFreeRun() throws Exception {
    List<Path> inputs = INPUTS.stream().map(SharedData::path).toList();

    PipelineOutcome reference = run(inputs, dir.resolve("reference"), false);
    PipelineOutcome faulty = run(inputs, dir.resolve("faulty"), true);

    int minimum = INPUTS.size() > 1 ? 20_000 : 100;
    reference.assertConsistent(minimum);
    faulty.assertConsistent(minimum);
    System.out.printf("crash test: %d kills survived; %s checked against the fault-free run%n", KILLS,
        faulty.summary());
    faulty.assertSameStoriesAs(reference);
  }

  private PipelineOutcome run(List<Path> inputs, Path runDir, boolean faults) throws Exception {
    Files.createDirectories(runDir);
    NewsflowConfig config = TestCluster.isolatedConfig(runDir)
        // The faulty run at 3 partitions, the reference at the default 2: the stories must not depend on either.
        .with(NewsflowConfig.PARTITIONS, faults ? "3" : "2")
        // A killed member is noticed after the session timeout.
        .with("streams.session.timeout.ms", "10000")
        .with("streams.heartbeat.interval.ms", "2000");
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
      return PipelineOutcome.read(config, cluster.topics());
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
}
