package io.newsflow.app;

import static io.newsflow.app.PipelineIT.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.aggregate.query.StoryQueries;
import io.newsflow.aggregate.query.StoryRoutes;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.Operations;
import io.newsflow.app.cluster.Services;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.OperationsServer;
import io.newsflow.platform.streams.StreamsService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics and health endpoints of a pipeline on the real broker, as a probe and a scraper see them. */
class OperationsIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void readyOnlyOnceTopologiesRunAndIngestRejectionsAreCountedByReason() throws Exception {
    Path input = dir.resolve("archive.jsonl");
    write(input, String.join("\n",
        "{\"id\":\"j1\",\"url\":\"https://example.org/news/rail\",\"source\":\"example\",\"title\":\"Rail link funded\","
            + "\"body\":\"The rail link between Oslo and Bergen will be funded.\",\"published\":\"2024-03-07T10:00:00Z\"}",
        "{this is not json",
        ""));
    NewsflowConfig config = TestCluster.isolatedConfig(dir.resolve("data")).with(Operations.PORT, "0");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

    try (Cluster cluster = Cluster.connect(config)) {
      cluster.provisionTopics();
      StoryQueries queries = new StoryQueries();
      try (StreamsService enrich = Services.enrich(cluster);
           OperationsServer ops = Operations.serve(cluster, errors, routes -> StoryRoutes.register(routes, queries), enrich);
           StreamsService aggregate = Operations.watched(ops, Services.aggregate(cluster, queries, ops.port()))) {
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(ops.url());
        assertThat(ops.url()).startsWith("http://127.0.0.1:");

        // Before the topologies start: alive, not ready, and the body names the states
        assertThat(get(ops, "/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> notReady = get(ops, "/health/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).contains("\"" + enrich.name() + "\":\"CREATED\"").doesNotContain("\n");

        enrich.start();
        aggregate.start();
        Awaitility.await().atMost(Duration.ofSeconds(90))
            .until(() -> get(ops, "/health/ready").statusCode() == 200);
        assertThat(get(ops, "/health/ready").body()).contains("\"" + aggregate.name() + "\":\"RUNNING\"");

        Services.ingestFiles(cluster, List.of(input), errors);
        HttpResponse<String> metrics = get(ops, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(metrics.body())
            .contains("newsflow_ingest_rejected_total{reason=\"invalid-json\"} 1.0")
            .contains("newsflow_ingest_rejected_total{reason=\"no-body\"} 0.0")
            .contains("newsflow_ingest_articles_total{outcome=\"published\"} 1.0")
            .contains("jvm_memory_used_bytes")
            .contains("jvm_threads_live_threads")
            .contains("kafka_stream_");

        // The story queries on the same server, routed through this instance's application.server
        JsonNode listed = awaitJson(ops, "/stories?entity=Oslo", body -> body.get("count").asInt() == 1);
        String storyId = listed.get("stories").get(0).get("storyId").asText();
        JsonNode story = awaitJson(ops, "/stories/" + storyId, body -> true);
        assertThat(story.get("headline").asText()).isEqualTo("Rail link funded");
        String articleId = story.get("articles").get(0).get("articleId").asText();
        JsonNode assignment = awaitJson(ops, "/articles/" + articleId + "/story", body -> true);
        assertThat(assignment.get("storyId").asText()).isEqualTo(storyId);
        assertThat(assignment.get("role").asText()).isEqualTo("NEW_REPORT");
        assertThat(get(ops, "/stories/s-unknown").statusCode()).isEqualTo(404);
      }
    }
  }

  private JsonNode awaitJson(OperationsServer ops, String path, Predicate<JsonNode> complete) {
    AtomicReference<JsonNode> body = new AtomicReference<>();
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
      HttpResponse<String> response = get(ops, path);
      if (response.statusCode() != 200) {
        return false;
      }
      body.set(new ObjectMapper().readTree(response.body()));
      return complete.test(body.get());
    });
    return body.get();
  }

  private HttpResponse<String> get(OperationsServer ops, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(ops.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
