package io.newsflow.platform.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.platform.metrics.MeterNames;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the dashboard shows, read back from the same meters {@code /metrics} serves: consumer lag per
 * group, topic and partition, throughput per stage, dead letters, stories, latencies and the state of
 * each topology, with a history of samples taken by {@link #sample()} so that charts have a past as
 * soon as the page opens.
 */
public final class PipelineOverview {
  /** Stages in pipeline order and the counter that measures each one's output. */
  static final Map<String, String> STAGE_COUNTERS = stageCounters();

  private final MeterRegistry registry;
  private final Readiness readiness;
  private final Clock clock;
  private final int capacity;
  private final Deque<Sample> history = new ArrayDeque<>();
  /** Largest latency each timer or summary has recorded since this overview started, in its base unit. */
  private final Map<Meter.Id, Double> maxima = new HashMap<>();

  PipelineOverview(MeterRegistry registry, Readiness readiness, Clock clock, int capacity) {
    this.registry = registry;
    this.readiness = readiness;
    this.clock = clock;
    this.capacity = capacity;
  }

  private static Map<String, String> stageCounters() {
    Map<String, String> stages = new LinkedHashMap<>();
    stages.put("ingest", MeterNames.INGEST_ARTICLES);
    stages.put("enrich", MeterNames.ENRICH_ARTICLES);
    stages.put("aggregate", MeterNames.AGGREGATE_ARTICLES);
    return stages;
  }

  /** One moment of the pipeline: totals of the counters and gauges the charts draw. */
  record Sample(long at, Map<String, Double> lagRecords, Map<String, Double> stageTotals, double deadLetters,
                double activeStories) {}

  /** Takes a sample now; the oldest goes once {@code capacity} are kept. */
  public synchronized void sample() {
    observeMaxima();
    Map<String, Double> stages = new LinkedHashMap<>();
    STAGE_COUNTERS.forEach((stage, counter) -> stages.put(stage, stageTotal(stage, counter)));
    Map<String, Double> lag = new TreeMap<>();
    lagRows().forEach(row -> lag.put(row.key(), row.records()));
    history.addLast(new Sample(clock.millis(), lag, stages, deadLetters(), activeStories()));
    while (history.size() > capacity) {
      history.removeFirst();
    }
  }

  /** The dashboard's JSON document (see {@code dashboard.js}). */
  public synchronized Map<String, Object> describe() {
    List<Sample> samples = new ArrayList<>(history);
    List<Long> times = samples.stream().map(Sample::at).toList();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("generatedAt", clock.millis());
    doc.put("times", times);
    doc.put("health", Map.of("live", true, "ready", readiness.ready(), "services", readiness.states()));
    List<Map<String, Object>> lag = new ArrayList<>();
    for (LagRow row : lagRows()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("group", row.group());
      entry.put("topic", row.topic());
      entry.put("partition", row.partition());
      entry.put("records", (long) row.records());
      entry.put("seconds", row.seconds());
      entry.put("history", samples.stream().map(s -> s.lagRecords().get(row.key())).toList());
      lag.add(entry);
    }
    doc.put("lag", lag);
    List<Map<String, Object>> stages = new ArrayList<>();
    for (Map.Entry<String, String> stage : STAGE_COUNTERS.entrySet()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("stage", stage.getKey());
      entry.put("total", (long) stageTotal(stage.getKey(), stage.getValue()));
      entry.put("perSecond", rates(samples, s -> s.stageTotals().getOrDefault(stage.getKey(), 0.0)));
      stages.add(entry);
    }
    doc.put("stages", stages);
    doc.put("deadLetters", Map.of("total", (long) deadLetters(), "byReason", deadLettersByReason(),
        "history", samples.stream().map(Sample::deadLetters).toList()));
    doc.put("stories", Map.of("active", (long) activeStories(), "closed", (long) counterSum(MeterNames.STORIES_CLOSED),
        "history", samples.stream().map(Sample::activeStories).toList()));
    doc.put("latency", latencies());
    return doc;
  }

  /** Per second between consecutive samples; null for the first, which has no predecessor. */
  private static List<Double> rates(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> total) {
    List<Double> rates = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      if (i == 0) {
        rates.add(null);
        continue;
      }
      double seconds = (samples.get(i).at() - samples.get(i - 1).at()) / 1000.0;
      double delta = total.applyAsDouble(samples.get(i)) - total.applyAsDouble(samples.get(i - 1));
      rates.add(seconds <= 0 ? null : Math.max(0, delta) / seconds);
    }
    return rates;
  }

  record LagRow(String group, String topic, int partition, double records, double seconds) {
    String key() {
      return group + "\u0000" + topic + "\u0000" + partition;
    }
  }

  private List<LagRow> lagRows() {
    Map<String, Double> seconds = new TreeMap<>();
    for (Gauge g : registry.find(MeterNames.LAG_SECONDS).gauges()) {
      seconds.put(lagKey(g), g.value());
    }
    List<LagRow> rows = new ArrayList<>();
    for (Gauge g : registry.find(MeterNames.LAG_RECORDS).gauges()) {
      rows.add(new LagRow(g.getId().getTag("group"), g.getId().getTag("topic"),
          Integer.parseInt(g.getId().getTag("partition")), g.value(), seconds.getOrDefault(lagKey(g), 0.0)));
    }
    rows.sort(Comparator.comparing(LagRow::group).thenComparing(LagRow::topic).thenComparingInt(LagRow::partition));
    return rows;
  }

  private static String lagKey(Gauge g) {
    return g.getId().getTag("group") + "\u0000" + g.getId().getTag("topic") + "\u0000" + g.getId().getTag("partition");
  }

  private double stageTotal(String stage, String counter) {
    if (stage.equals("ingest")) {
      return registry.find(counter).tag("outcome", "published").counters().stream().mapToDouble(Counter::count).sum();
    }
    return counterSum(counter);
  }

  private double counterSum(String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** Dead letters of enrich and aggregate, and input ingest rejected (ingest writes those to the dead-letter topic too). */
  private double deadLetters() {
    return counterSum(MeterNames.DEAD_LETTERS) + counterSum(MeterNames.INGEST_REJECTED);
  }

  private List<Map<String, Object>> deadLettersByReason() {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Counter c : registry.find(MeterNames.INGEST_REJECTED).counters()) {
      if (c.count() > 0) {
        rows.add(deadLetterRow("ingest", c.getId().getTag("reason"), c.count()));
      }
    }
    for (Counter c : registry.find(MeterNames.DEAD_LETTERS).counters()) {
      rows.add(deadLetterRow(c.getId().getTag("stage"), c.getId().getTag("reason"), c.count()));
    }
    rows.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("stage"))
        .thenComparing(r -> (String) r.get("reason")));
    return rows;
  }

  private static Map<String, Object> deadLetterRow(String stage, String reason, double count) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("stage", stage);
    row.put("reason", reason);
    row.put("count", (long) count);
    return row;
  }

  private double activeStories() {
    return registry.find(MeterNames.STORIES_ACTIVE).gauges().stream().mapToDouble(Gauge::value).sum();
  }

  /**
   * Micrometer's {@code max()} is the largest value of a recent window only (values drop out after
   * {@code distributionStatisticExpiry}, 2 minutes by default, and are kept at least two thirds of
   * it), while {@code mean()} is {@code totalTime / count} since start: read side by side they showed
   * "max 0.00 ms" beside a mean once the pipeline had been quiet for 2 minutes. Reading the window's
   * max at every sample and keeping the largest (Prometheus' {@code max_over_time} over the
   * {@code _max} gauge) gives the maximum since start, exact as long as samples come more often than
   * a value stays in the window; {@link OperationsServer} holds the sampling interval to that.
   */
  private void observeMaxima() {
    for (Timer t : registry.find(MeterNames.ASSIGNMENT_LATENCY).timers()) {
      maxima.merge(t.getId(), t.max(TimeUnit.NANOSECONDS), Math::max);
    }
    for (DistributionSummary s : registry.find(MeterNames.END_TO_END_LATENCY).summaries()) {
      maxima.merge(s.getId(), s.max(), Math::max);
    }
  }

  /** Mean and maximum of each latency over the same period: since start. */
  private Map<String, Object> latencies() {
    observeMaxima();
    Map<String, Object> latency = new LinkedHashMap<>();
    registry.find(MeterNames.ASSIGNMENT_LATENCY).timers().stream().findFirst()
        .ifPresent(t -> latency.put("assignment", Map.of("count", t.count(),
            "meanMs", t.mean(TimeUnit.NANOSECONDS) / 1e6, "maxMs", maxima.getOrDefault(t.getId(), 0.0) / 1e6)));
    for (DistributionSummary s : registry.find(MeterNames.END_TO_END_LATENCY).summaries()) {
      latency.put("endToEndFrom" + capitalised(s.getId().getTag("from")),
          Map.of("count", s.count(), "meanMs", s.mean(), "maxMs", maxima.getOrDefault(s.getId(), 0.0)));
    }
    return latency;
  }

  private static String capitalised(String s) {
    return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
