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

  private HttpResponse<String> get(OperationsServer server, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
