package io.newsflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.platform.kafka.LagMetrics;
import io.newsflow.platform.kafka.PartitionLag;
import io.newsflow.platform.metrics.MeterNames;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class OperationsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void aTakenPortMovesTheServerToAFreeOneOnLoopback() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try (OperationsServer server = OperationsServer.start("127.0.0.1", taken.getLocalPort(), registry)) {
        assertThat(server.port()).isPositive().isNotEqualTo(taken.getLocalPort());
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void withoutTopologiesItIsReadyAndServesCustomAndJvmMetrics() throws Exception {
    registry.counter("newsflow.test.things", "kind", "x").increment(3);
    try (OperationsServer server = OperationsServer.start("127.0.0.1", 0, registry)) {
      HttpResponse<String> ready = get(server, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("{}");
      HttpResponse<String> metrics = get(server, "/metrics");
      assertThat(metrics.body()).contains("newsflow_test_things_total{kind=\"x\"} 3.0").contains("jvm_gc_");
      assertThat(get(server, "/nothing-here").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void servesTheDashboardItsChartLibraryAndAnOverviewReadFromTheMeters() throws Exception {
    // Given: lag of one partition, counters of each stage and an ingest rejection
    new LagMetrics(registry).update(List.of(new PartitionLag("newsflow-enrich", "news.articles.raw", 0, 40, 52, 9_500)));
    registry.counter(MeterNames.INGEST_ARTICLES, "outcome", "published").increment(52);
    registry.counter(MeterNames.INGEST_ARTICLES, "outcome", "unchanged").increment(7);
    registry.counter(MeterNames.ENRICH_ARTICLES).increment(40);
    registry.counter(MeterNames.INGEST_REJECTED, "reason", "no-body").increment(2);
    registry.counter(MeterNames.INGEST_REJECTED, "reason", "not-utf8");
    registry.counter(MeterNames.DEAD_LETTERS, "stage", "enrich", "reason", "empty-body").increment();

    try (OperationsServer server = OperationsServer.start("127.0.0.1", 0, registry, Duration.ofMillis(50))) {
      // Then: the page loads the chart library at a path the server really serves (from the WebJar)
      HttpResponse<String> page = get(server, "/");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
          assertThat(policy).as("only the page's own scripts run").contains("script-src 'self';"));
      Matcher script = Pattern.compile("<script src=\"(/webjars/chart\\.js/[^\"]+)\"").matcher(page.body());
      assertThat(script.find()).as("the page loads Chart.js from /webjars").isTrue();
      HttpResponse<String> chartJs = get(server, script.group(1));
      assertThat(chartJs.statusCode()).as(script.group(1)).isEqualTo(200);
      assertThat(chartJs.body()).contains("Chart.js");
      assertThat(get(server, "/dashboard.js").body()).contains("/api/overview");

      // and the overview holds the lag row, stage totals, dead letters and a history of samples
      Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(new ObjectMapper().readTree(get(server, "/api/overview").body()).path("times").size()).isGreaterThan(2));
      JsonNode overview = new ObjectMapper().readTree(get(server, "/api/overview").body());
      JsonNode lag = overview.path("lag").get(0);
      assertThat(lag.path("group").asText()).isEqualTo("newsflow-enrich");
      assertThat(lag.path("topic").asText()).isEqualTo("news.articles.raw");
      assertThat(lag.path("records").asLong()).isEqualTo(12);
      assertThat(lag.path("seconds").asDouble()).isEqualTo(9.5);
      assertThat(lag.path("history").get(0).asDouble()).isEqualTo(12);
      assertThat(overview.path("stages").findValuesAsText("stage")).containsExactly("ingest", "enrich", "aggregate");
      assertThat(overview.path("stages").get(0).path("total").asLong()).isEqualTo(52);
      assertThat(overview.path("stages").get(1).path("total").asLong()).isEqualTo(40);
      assertThat(overview.path("stages").get(1).path("perSecond").get(0).isNull()).isTrue();
      assertThat(overview.path("deadLetters").path("total").asLong()).isEqualTo(3);
      assertThat(overview.path("deadLetters").path("byReason").toString())
          .isEqualTo("[{\"stage\":\"enrich\",\"reason\":\"empty-body\",\"count\":1},"
              + "{\"stage\":\"ingest\",\"reason\":\"no-body\",\"count\":2}]");
      assertThat(overview.path("health").path("ready").asBoolean()).isTrue();
    }
  }

  private HttpResponse<String> get(OperationsServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
