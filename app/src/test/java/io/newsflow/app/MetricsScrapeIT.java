package io.newsflow.app;

import static io.newsflow.app.PipelineIT.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.Operations;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.Services;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.OperationsServer;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.TopicNames;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} read the way Prometheus reads it, by a strict parser of the text format: the lag it
 * reports equals lag computed here straight from the Admin API, and the pipeline's counters and latency
 * histograms count the articles that went through.
 */
class MetricsScrapeIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void reportedLagEqualsAdminApiLagAndHistogramsCountEveryAssignedArticle() throws Exception {
    // Given: a pipeline that consumed five articles, then lost its enrich while four more arrived
    NewsflowConfig config = TestCluster.isolatedConfig(dir.resolve("data")).with(Operations.PORT, "0")
        .with(Operations.LAG_INTERVAL_MS, "300");
    PrintStream errors = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Map<String, Set<String>> groups = Services.consumerGroups(config);
    String enrichGroup = groups.keySet().stream().filter(g -> g.endsWith("enrich")).findFirst().orElseThrow();
    String raw = TopicNames.fromSettings(config.asMap()).raw();

    try (Cluster cluster = Cluster.connect(config)) {
      cluster.provisionTopics();
      try (StreamsService aggregate = Services.aggregate(cluster).start();
           OperationsServer ops = Operations.serve(cluster, errors, aggregate);
           Admin admin = cluster.admin()) {
        try (StreamsService enrich = Services.enrich(cluster).start()) {
          Services.ingestFiles(cluster, List.of(articles("first", 5)), errors);
          assertThat(PipelineIdle.await(admin, groups, Services.settleTime(cluster), Duration.ofSeconds(90))).isTrue();
        }
        Services.ingestFiles(cluster, List.of(articles("second", 4)), errors);

        // When: /metrics is scraped and parsed, and lag is computed from committed and end offsets
        // Then: every partition of every group reports exactly that lag, and enrich's raw partition is behind
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
          PrometheusText metrics = PrometheusText.parse(scrape(ops));
          assertThat(metrics.type("newsflow_consumer_lag_records")).isEqualTo("gauge");
          Map<String, Long> reported = new HashMap<>();
          for (PrometheusText.Sample s : metrics.samples("newsflow_consumer_lag_records")) {
            reported.put(s.labels().get("group") + "|" + s.labels().get("topic") + "|" + s.labels().get("partition"),
                (long) s.value());
          }
          assertThat(reported).isEqualTo(adminApiLag(admin, groups));
          assertThat(reported.get(enrichGroup + "|" + raw + "|0")).isGreaterThanOrEqualTo(4);
        });
        // and the offsets behind hold exactly the four unconsumed articles (the rest are transaction markers)
        assertThat(unconsumedRecords(config, admin, enrichGroup, new TopicPartition(raw, 0))).isEqualTo(4);

        PrometheusText metrics = PrometheusText.parse(scrape(ops));
        assertThat(metrics.value("newsflow_enrich_articles_total", Map.of())).isEqualTo(5);
        double assigned = metrics.samples("newsflow_aggregate_articles_total").stream()
            .mapToDouble(PrometheusText.Sample::value).sum();
        assertThat(assigned).isEqualTo(5);
        assertThat(metrics.type("newsflow_assignment_latency_seconds")).isEqualTo("histogram");
        assertThat(metrics.value("newsflow_assignment_latency_seconds_count", Map.of())).isEqualTo(5);
        assertThat(metrics.samples("newsflow_assignment_latency_seconds_bucket")).hasSizeGreaterThan(10);
        assertThat(metrics.type("newsflow_end_to_end_latency_milliseconds")).isEqualTo("histogram");
        assertThat(metrics.value("newsflow_end_to_end_latency_milliseconds_count", Map.of("from", "ingest"))).isEqualTo(5);
        assertThat(metrics.value("newsflow_end_to_end_latency_milliseconds_count", Map.of("from", "publication"))).isEqualTo(5);
        double started = metrics.value("newsflow_story_events_total", Map.of("type", "STORY_STARTED"));
        assertThat(started).isPositive();
        assertThat(metrics.value("newsflow_stories_active", Map.of())).isEqualTo(started);
        assertThat(metrics.value("newsflow_stories_closed_total", Map.of())).isZero();

        // and every metric the provisioned Grafana dashboard queries is one the services export
        String dashboard = Files.readString(Path.of("..", "ops", "grafana", "dashboards", "newsflow.json"));
        Matcher names = Pattern.compile("\\b(?:newsflow|kafka|jvm)_[a-z_]+").matcher(dashboard);
        Set<String> queried = new TreeSet<>();
        while (names.find()) {
          queried.add(names.group());
        }
        // Dead-letter counters appear with their first dead letter: only then are stage and reason known.
        queried.remove("newsflow_deadletters_total");
        assertThat(queried).hasSizeGreaterThan(8);
        for (String name : queried) {
          assertThat(metrics.samples(name)).as(name + ", queried by the Grafana dashboard").isNotEmpty();
        }
      }
    }
  }

  /** A folder named {@code source} of {@code n} distinct articles in one .jsonl file. */
  private Path articles(String source, int n) throws Exception {
    Path file = dir.resolve(source + ".jsonl");
    write(file, IntStream.range(0, n).mapToObj(i -> "{\"id\":\"" + source + i + "\",\"url\":\"https://example.org/"
            + source + "/" + i + "\",\"source\":\"" + source + "\",\"title\":\"" + topic(i) + " report " + source + "\","
            + "\"body\":\"A report about " + topic(i) + " in the region, with figures from officials.\","
            + "\"published\":\"2024-03-07T10:0" + i + ":00Z\"}")
        .collect(Collectors.joining("\n", "", "\n")));
    return file;
  }

  private static String topic(int i) {
    return List.of("harbour expansion", "rail strike", "wheat harvest", "bank merger", "flood defences").get(i % 5);
  }

  private String scrape(OperationsServer ops) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ops.url() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** Per group|topic|partition: read_committed end offset minus the group's committed offset (0 when none). */
  private static Map<String, Long> adminApiLag(Admin admin, Map<String, Set<String>> groups) throws Exception {
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    Map<String, Long> lag = new HashMap<>();
    for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      for (String topic : group.getValue()) {
        if (!existing.contains(topic)) {
          continue;
        }
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
            .get(topic).partitions().size();
        for (int p = 0; p < partitions; p++) {
          TopicPartition tp = new TopicPartition(topic, p);
          long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .partitionResult(tp).get(30, TimeUnit.SECONDS).offset();
          OffsetAndMetadata c = committed.get(tp);
          lag.put(group.getKey() + "|" + topic + "|" + p, Math.max(0, end - (c == null ? 0 : c.offset())));
        }
      }
    }
    return lag;
  }

  /** Records a read_committed consumer gets from the group's committed offset to the end. */
  private static long unconsumedRecords(NewsflowConfig config, Admin admin, String group, TopicPartition tp)
      throws Exception {
    OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
        .get(30, TimeUnit.SECONDS).get(tp);
    Properties props = new Properties();
    props.putAll(config.kafkaClientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.assign(List.of(tp));
      consumer.seek(tp, committed == null ? 0 : committed.offset());
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      long[] count = {0};
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(200))) {
          count[0]++;
        }
        return consumer.position(tp) >= end;
      });
      return count[0];
    }
  }
}
