package io.newsflow.app.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.aggregate.AssignmentListener;
import io.newsflow.platform.metrics.MeterNames;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Aggregate's work as metrics: articles assigned by role, story events by type, active and closed
 * stories, and two latency histograms (Prometheus {@code _bucket} series, so percentiles can be taken
 * across instances): the time spent deciding an article's story, and the time from ingest and from
 * publication to the article's story event. Every tag value is registered at zero up front.
 */
public final class MeteredAssignments implements AssignmentListener {
  private final Map<ArticleRole, Counter> assigned = new EnumMap<>(ArticleRole.class);
  private final Map<StoryEventType, Counter> events = new EnumMap<>(StoryEventType.class);
  private final Counter closed;
  private final Timer decision;
  private final DistributionSummary fromIngest;
  private final DistributionSummary fromPublication;
  private final Map<String, Long> activeByTask = new ConcurrentHashMap<>();
  private final Clock clock;

  MeteredAssignments(MeterRegistry registry, Clock clock) {
    this.clock = clock;
    for (ArticleRole role : ArticleRole.values()) {
      assigned.put(role, Counter.builder(MeterNames.AGGREGATE_ARTICLES).tag("role", role.name())
          .description("Articles assigned to a story, by role").register(registry));
    }
    for (StoryEventType type : StoryEventType.values()) {
      events.put(type, Counter.builder(MeterNames.STORY_EVENTS).tag("type", type.name())
          .description("Story events emitted, by type").register(registry));
    }
    closed = Counter.builder(MeterNames.STORIES_CLOSED)
        .description("Stories closed after their idle period of stream time").register(registry);
    Gauge.builder(MeterNames.STORIES_ACTIVE, activeByTask, m -> m.values().stream().mapToLong(Long::longValue).sum())
        .description("Stories not closed yet, in the aggregate tasks of this process").register(registry);
    decision = Timer.builder(MeterNames.ASSIGNMENT_LATENCY)
        .description("Time aggregate spends deciding one article's story (candidates, scoring, index updates)")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(10_000))
        .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    fromIngest = endToEnd(registry, "ingest");
    fromPublication = endToEnd(registry, "publication");
  }

  /**
   * Bucket bounds in milliseconds: sub-second for a live pipeline, up to a week for a backlog. A summary in
   * milliseconds, not a Timer: a Timer sums nanoseconds in a long, which a replay of year-old articles
   * overflowed within a few hundred records; and Micrometer rounds summary values up to whole units
   * before bucketing, so seconds would lose everything below one.
   */
  static final double[] END_TO_END_BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000,
      60_000, 300_000, 900_000, 3_600_000, 21_600_000, 86_400_000, 604_800_000};

  private static DistributionSummary endToEnd(MeterRegistry registry, String from) {
    return DistributionSummary.builder(MeterNames.END_TO_END_LATENCY).tag("from", from).baseUnit("milliseconds")
        .description("Time from an article's ingest or publication to its story event")
        .serviceLevelObjectives(END_TO_END_BUCKETS_MS).register(registry);
  }

  @Override
  public void assigned(ArticleAssignment assignment, long decisionNanos, Instant ingestedAt) {
    assigned.get(assignment.getRole()).increment();
    decision.record(decisionNanos, TimeUnit.NANOSECONDS);
    Instant now = clock.instant();
    if (ingestedAt != null) {
      fromIngest.record(millisSince(ingestedAt, now));
    }
    fromPublication.record(millisSince(assignment.getEventTime(), now));
  }

  private static double millisSince(Instant then, Instant now) {
    Duration d = Duration.between(then, now);
    return d.isNegative() ? 0 : d.toMillis(); // Clocks of other machines can be ahead of ours.
  }

  @Override
  public void storyEvent(StoryEvent event) {
    events.get(event.getType()).increment();
    if (event.getType() == StoryEventType.STORY_CLOSED) {
      closed.increment();
    }
  }

  @Override
  public void activeStories(String task, long count) {
    if (count == 0) {
      activeByTask.remove(task);
    } else {
      activeByTask.put(task, count);
    }
  }
}
