package io.newsflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.platform.metrics.MeterNames;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The latency figures of the dashboard: mean and maximum over the same period, since start. */
class PipelineOverviewTest {
  private final MockClock time = new MockClock();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), time);
  private final PipelineOverview overview = new PipelineOverview(registry, new Readiness(), Clock.systemUTC(), 10);

  @Test
  void theMaximumStaysTheLargestValueSinceStartAfterMicrometersWindowHasForgottenIt() {
    // Given: three decisions and three end-to-end latencies, the slowest first, sampled as they happen
    Timer decision = Timer.builder(MeterNames.ASSIGNMENT_LATENCY).register(registry);
    DistributionSummary fromIngest = DistributionSummary.builder(MeterNames.END_TO_END_LATENCY).tag("from", "ingest")
        .baseUnit("milliseconds").register(registry);
    for (long ms : new long[] {40, 2, 3}) {
      decision.record(ms, TimeUnit.MILLISECONDS);
      fromIngest.record(ms * 100);
      overview.sample();
      time.add(Duration.ofSeconds(5));
    }

    // When: the pipeline is quiet for 3 minutes, sampled every 5 s
    for (int i = 0; i < 36; i++) {
      time.add(Duration.ofSeconds(5));
      overview.sample();
    }

    // Then: Micrometer's own max has decayed (the cause of "max 0.00 ms" beside the mean) ...
    assertThat(decision.max(TimeUnit.MILLISECONDS)).isZero();
    assertThat(fromIngest.max()).isZero();
    // ... while the overview still shows the real maximum, above the mean of the same period
    Map<String, Object> assignment = latency("assignment");
    assertThat((double) assignment.get("maxMs")).isCloseTo(40.0, within(1e-9));
    assertThat((double) assignment.get("meanMs")).isCloseTo(15.0, within(1e-9));
    assertThat((long) assignment.get("count")).isEqualTo(3);
    Map<String, Object> ingest = latency("endToEndFromIngest");
    assertThat((double) ingest.get("maxMs")).isEqualTo(4_000.0);
    assertThat((double) ingest.get("meanMs")).isEqualTo(1_500.0);
  }

  @Test
  void aValueRecordedSinceTheLastSampleCountsAsSoonAsThePageAsks() {
    Timer decision = Timer.builder(MeterNames.ASSIGNMENT_LATENCY).register(registry);
    overview.sample();
    decision.record(7, TimeUnit.MILLISECONDS);

    assertThat((double) latency("assignment").get("maxMs")).isCloseTo(7.0, within(1e-9));
  }

  @Test
  void samplingLessOftenThanALatencyStaysInMicrometersWindowIsRefused() {
    assertThatThrownBy(() -> OperationsServer.start("127.0.0.1", 0, registry, Duration.ofSeconds(61)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60 s");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> latency(String name) {
    return (Map<String, Object>) ((Map<String, Object>) overview.describe().get("latency")).get(name);
  }
}
