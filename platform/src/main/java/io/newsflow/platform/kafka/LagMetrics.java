package io.newsflow.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.newsflow.platform.metrics.MeterNames;
import java.util.List;

/** Consumer lag as gauges per group, topic and partition: records behind and age of the oldest unconsumed record. */
public final class LagMetrics {
  private final MultiGauge records;
  private final MultiGauge seconds;

  public LagMetrics(MeterRegistry registry) {
    this.records = MultiGauge.builder(MeterNames.LAG_RECORDS)
        .description("Records committed to the group's input partitions and not yet consumed by it")
        .register(registry);
    this.seconds = MultiGauge.builder(MeterNames.LAG_SECONDS)
        .description("Age of the oldest record the group has not consumed yet")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Replaces the gauges with {@code lags}: partitions no longer measured disappear. */
  public void update(List<PartitionLag> lags) {
    records.register(lags.stream().map(l -> MultiGauge.Row.of(tags(l), l.records())).toList(), true);
    seconds.register(lags.stream().map(l -> MultiGauge.Row.of(tags(l), l.ageMillis() / 1000.0)).toList(), true);
  }

  private static Tags tags(PartitionLag l) {
    return Tags.of("group", l.group(), "topic", l.topic(), "partition", String.valueOf(l.partition()));
  }
}
