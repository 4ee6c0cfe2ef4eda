package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test parser must accept the exposition format and refuse what a Prometheus scraper would refuse. */
class PrometheusTextTest {
  static final String VALID = String.join("\n",
      "# HELP lag_records Records behind",
      "# TYPE lag_records gauge",
      "lag_records{group=\"g\",partition=\"0\",topic=\"t\\\"q\\\\\"} 3.0",
      "lag_records{group=\"g\",partition=\"1\",topic=\"t\",} 0.0 1700000000000",
      "# TYPE latency_seconds histogram",
      "latency_seconds_bucket{le=\"0.1\"} 1.0",
      "latency_seconds_bucket{le=\"1.0\"} 3.0",
      "latency_seconds_bucket{le=\"+Inf\"} 4.0",
      "latency_seconds_count 4.0",
      "latency_seconds_sum 2.5",
      "up NaN",
      "");

  @Test
  void readsSamplesLabelsEscapesAndHistograms() {
    PrometheusText parsed = PrometheusText.parse(VALID);

    assertThat(parsed.type("lag_records")).isEqualTo("gauge");
    assertThat(parsed.value("lag_records", Map.of("group", "g", "partition", "0", "topic", "t\"q\\"))).isEqualTo(3.0);
    assertThat(parsed.value("lag_records", Map.of("group", "g", "partition", "1", "topic", "t"))).isZero();
    assertThat(parsed.samples("latency_seconds_bucket")).hasSize(3);
    assertThat(parsed.value("up", Map.of())).isNaN();
  }

  @Test
  void refusesMalformedLines() {
    assertThatThrownBy(() -> PrometheusText.parse("lag{group=g} 1\n")).hasMessageContaining("line 1: label value of group not quoted");
    assertThatThrownBy(() -> PrometheusText.parse("lag{group=\"g\" 1\n")).hasMessageContaining("expected ',' or '}'");
    assertThatThrownBy(() -> PrometheusText.parse("9lag 1\n")).hasMessageContaining("invalid metric name");
    assertThatThrownBy(() -> PrometheusText.parse("lag one\n")).hasMessageContaining("invalid value 'one'");
    assertThatThrownBy(() -> PrometheusText.parse("lag{a=\"\\x\"} 1\n")).hasMessageContaining("invalid escape");
    assertThatThrownBy(() -> PrometheusText.parse("lag 1\nlag 2\n")).hasMessageContaining("line 2: duplicate series");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE lag gauge\nlag 1\nother 1\nlag{a=\"b\"} 2\n"))
        .hasMessageContaining("line 4: samples of lag are not together");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE lag sometimes\n")).hasMessageContaining("unknown type");
  }

  @Test
  void refusesHistogramsWhoseBucketsDoNotAddUp() {
    assertThatThrownBy(() -> PrometheusText.parse(VALID.replace("latency_seconds_count 4.0", "latency_seconds_count 5.0")))
        .hasMessageContaining("+Inf bucket 4.0 != _count 5.0");
    assertThatThrownBy(() -> PrometheusText.parse(VALID.replace("le=\"1.0\"} 3.0", "le=\"1.0\"} 0.5")))
        .hasMessageContaining("not cumulative");
  }
}
