package io.newsflow.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.app.PrometheusText;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.ArticleRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** End-to-end latency stays a true histogram when a replay brings articles published years ago. */
class MeteredAssignmentsTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final String LATENCY = "newsflow_end_to_end_latency_milliseconds";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MeteredAssignments metered = new MeteredAssignments(registry, Clock.fixed(NOW, ZoneOffset.UTC));

  private void assign(int n, Instant published, Instant ingested) {
    ArticleAssignment a = new ArticleAssignment("a-" + n, "s-1", ArticleRole.NEW_REPORT, 1.0, "en", published, false);
    metered.assigned(a, 1_000_000, ingested);
  }

  private static Map<String, String> bucket(String from, String le) {
    return Map.of("from", from, "le", le);
  }

  @Test
  void aReplayOfOldArticlesSumsTheirAgeWithoutOverflow() {
    Duration age = Duration.ofDays(3 * 365);
    for (int i = 0; i < 1_000; i++) {
      assign(i, NOW.minus(age), NOW.minusMillis(200));
    }

    PrometheusText metrics = PrometheusText.parse(registry.scrape());
    Map<String, String> publication = Map.of("from", "publication");
    assertThat(metrics.type(LATENCY)).isEqualTo("histogram");
    assertThat(metrics.value(LATENCY + "_count", publication)).isEqualTo(1_000);
    assertThat(metrics.value(LATENCY + "_sum", publication)).isCloseTo(1_000.0 * age.toMillis(), within(1.0));
    // older than the largest bound (a week): only in +Inf
    assertThat(metrics.value(LATENCY + "_bucket", bucket("publication", "6.048E8"))).isZero();
    assertThat(metrics.value(LATENCY + "_bucket", bucket("publication", "+Inf"))).isEqualTo(1_000);
    // 200 ms from ingest: in the 250 ms bucket, not the 100 ms one
    assertThat(metrics.value(LATENCY + "_sum", Map.of("from", "ingest"))).isEqualTo(200_000.0);
    assertThat(metrics.value(LATENCY + "_bucket", bucket("ingest", "100.0"))).isZero();
    assertThat(metrics.value(LATENCY + "_bucket", bucket("ingest", "250.0"))).isEqualTo(1_000);
  }

  @Test
  void anArticleFromAClockAheadOfOursCountsAsNoDelay() {
    assign(1, NOW.plusSeconds(30), NOW.plusSeconds(5));

    PrometheusText metrics = PrometheusText.parse(registry.scrape());
    assertThat(metrics.value(LATENCY + "_sum", Map.of("from", "publication"))).isZero();
    assertThat(metrics.value(LATENCY + "_bucket", bucket("publication", "5.0"))).isEqualTo(1);
  }
}
