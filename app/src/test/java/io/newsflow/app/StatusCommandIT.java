package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.Services;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.kafka.LagMetrics;
import io.newsflow.platform.kafka.LagMonitor;
import io.newsflow.platform.kafka.PartitionLag;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lag as operators see it: records and age behind per group and partition, in the table and as metrics. */
class StatusCommandIT {
  @TempDir Path dir;

  @Test
  void reportsRecordsAndAgeBehindUntilTheServiceCatchesUp() throws Exception {
    // Given: three raw articles published an hour ago and nothing consuming them yet
    NewsflowConfig config = TestCluster.isolatedConfig(dir);
    Topics topics = TestTopics.provision(config, 1);
    long anHourAgo = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
    List<ProducerRecord<String, RawArticle>> records = new ArrayList<>();
    for (String id : List.of("a1", "a2", "a3")) {
      RawArticle article = RawArticle.newBuilder().setArticleId(id).setSource("wire").setTitle("Title " + id)
          .setBody("Body of article " + id + " about the harbour in Bergen.").setBodyFormat(BodyFormat.TEXT)
          .setIngestedAt(Instant.ofEpochMilli(anHourAgo)).setOrigin("test").build();
      records.add(new ProducerRecord<>(topics.raw().name(), null, anHourAgo, id, article));
    }
    TestTopics.produce(config, topics.raw().name(), Serdes.String().serializer(), topics.raw().valueSerde().serializer(),
        records);
    String enrichGroup = Services.consumerGroups(config).keySet().stream().filter(g -> g.endsWith("enrich")).findFirst()
        .orElseThrow();

    try (Admin admin = Admin.create(config.kafkaClientProperties());
         LagMonitor monitor = new LagMonitor(admin, config.kafkaClientProperties(), Clock.systemUTC())) {
      // When / Then: before enrich runs, the raw partition is 3 records and about an hour behind
      PartitionLag raw = rawLag(monitor, config, enrichGroup);
      assertThat(raw.records()).isEqualTo(3);
      assertThat(raw.ageMillis()).isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofMinutes(70).toMillis());

      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new LagMetrics(registry).update(monitor.measure(Services.consumerGroups(config)));
      assertThat(registry.scrape()).contains("newsflow_consumer_lag_records{group=\"" + enrichGroup
          + "\",partition=\"0\",topic=\"" + topics.raw().name() + "\"} 3.0");

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
          statusArgs(config));
      assertThat(exit).isEqualTo(ExitCodes.OK);
      assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern(enrichGroup + "\\s+" + topics.raw().name()
          + "\\s+0\\s+0\\s+3\\s+3\\s+");

      // and once enrich has consumed everything, nothing is behind
      try (Cluster cluster = Cluster.connect(config); StreamsService enrich = Services.enrich(cluster).start()) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(rawLag(monitor, config, enrichGroup).records()).isZero());
      }
      assertThat(rawLag(monitor, config, enrichGroup).ageMillis()).isZero();
    }
  }

  private static PartitionLag rawLag(LagMonitor monitor, NewsflowConfig config, String group) throws Exception {
    String raw = io.newsflow.schemas.TopicNames.fromSettings(config.asMap()).raw();
    return monitor.measure(Services.consumerGroups(config)).stream()
        .filter(l -> l.group().equals(group) && l.topic().equals(raw)).findFirst().orElseThrow();
  }

  private static String[] statusArgs(NewsflowConfig config) {
    List<String> args = new ArrayList<>(List.of("status", "--bootstrap-servers", config.require(NewsflowConfig.BOOTSTRAP_SERVERS)));
    // The isolated names travel as settings, as an operator's --config file would carry them.
    Path file = config.get(NewsflowConfig.DATA_DIR).map(d -> Path.of(d, "status.properties")).orElseThrow();
    try {
      java.nio.file.Files.createDirectories(file.getParent());
      List<String> lines = new ArrayList<>();
      config.asMap().forEach((k, v) -> {
        if (k.startsWith("topic.") || k.startsWith("application.id.")) {
          lines.add(k + "=" + v);
        }
      });
      java.nio.file.Files.write(file, lines);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    args.add("--config");
    args.add(file.toString());
    return args.toArray(String[]::new);
  }
}
