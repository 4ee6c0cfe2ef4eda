package io.newsflow.app;

import io.micrometer.core.instrument.Counter;
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
final class MeteredAssignments implements AssignmentListener {
  private final Map<ArticleRole, Counter> assigned = new EnumMap<>(ArticleRole.class);
  private final Map<StoryEventType, Counter> events = new EnumMap<>(StoryEventType.class);
  private final Counter closed;
  private final Timer decision;
  private final Timer fromIngest;
  private final Timer fromPublication;
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

  private static Timer endToEnd(MeterRegistry registry, String from) {
    return Timer.builder(MeterNames.END_TO_END_LATENCY).tag("from", from)
        .description("Time from an article's ingest or publication to its story event")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofDays(7)).register(registry);
  }

  @Override
  public void assigned(ArticleAssignment assignment, long decisionNanos, Instant ingestedAt) {
    assigned.get(assignment.getRole()).increment();
    decision.record(decisionNanos, TimeUnit.NANOSECONDS);
    Instant now = clock.instant();
    if (ingestedAt != null) {
      fromIngest.record(nonNegative(Duration.between(ingestedAt, now)));
    }
    fromPublication.record(nonNegative(Duration.between(assignment.getEventTime(), now)));
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d; // Clocks of other machines can be ahead of ours.
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
