package io.newsflow.aggregate;

import io.newsflow.schemas.HeaderNames;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.avro.internal.StoryMember;
import io.newsflow.schemas.avro.internal.StoryState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Thin wiring of {@link StoryAssigner} and {@link StoryBook} onto state stores: one ordered decision
 * per article of a shard, then the story's events, its new snapshot and the article's assignment.
 * When the article bridged two stories, the absorbed story's last event and snapshot come first and
 * the assignments of its articles are re-emitted pointing at the survivor.
 * Idle stories are closed by event time, checked as articles are decided, so replays close them exactly
 * as live runs did; a check reads only the stories idle long enough ({@link StoryActivity}) and closes
 * them in story-id order. A late article ({@link LateArticles}) is decided like any other; its assignment and
 * its own events say it was late.
 * Each decision, event and the task's count of active stories is reported to an
 * {@link AssignmentListener}; the ticker only times decisions, it never takes part in them.
 */
final class StoryAssignmentProcessor implements Processor<String, EnrichedArticle, String, Object> {
  static final Duration CLOSE_CHECK_INTERVAL = ClusteringSettings.CLOSE_CHECK_INTERVAL;

  private final ClusteringSettings settings;
  private final StoryClusterer clusterer;
  private final AssignmentListener listener;
  private final LongSupplier ticker;
  private ProcessorContext<String, Object> context;
  private StoreBackedStoryIndex index;
  /** Views of {@link #index}, made anew with it at init. */
  private final Map<String, ShardIndex> shards = new HashMap<>();
  /** Closed stories kept for late articles while the horizon lasts; null when the horizon is zero. */
  private RetiredStories retired;
  private final Map<String, ShardIndex> retiredShards = new HashMap<>();
  private KeyValueStore<String, StoryState> stories;
  private StoryActivity activity;
  /** Kept durably, so a restarted task checks for idle stories where the old one would have. */
  static final String NEXT_CLOSE_CHECK = "next-close-check";
  /** The next decision's number: members are ordered by it, and the candidate index with them. */
  static final String NEXT_SEQUENCE = "next-sequence";
  /** The same for the members of retired stories, numbered apart so the live index's numbers do not depend on them. */
  static final String NEXT_RETIRED_SEQUENCE = "next-retired-sequence";
  private KeyValueStore<String, Long> progress;
  private String task;
  private long activeStories;

  StoryAssignmentProcessor(ClusteringSettings settings, AssignmentListener listener, LongSupplier ticker) {
    this.settings = settings;
    this.clusterer = new StoryClusterer(settings);
    this.listener = listener;
    this.ticker = ticker;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    this.stories = context.getStateStore(StoryStores.STORY_STATE);
    this.progress = context.getStateStore(StoryStores.STORY_PROGRESS);
    this.shards.clear();
    this.activity = new StoryActivity(context.getStateStore(StoryStores.STORY_ACTIVITY));
    this.index = new StoreBackedStoryIndex(stories, activity, new StoryMembers(context.getStateStore(StoryStores.STORY_MEMBERS)),
        context.getStateStore(StoryStores.DOCUMENT_WINDOW), settings, () -> next(NEXT_SEQUENCE));
    this.retiredShards.clear();
    this.retired = settings.lateHorizon().isZero() ? null : new RetiredStories(
        context.getStateStore(StoryStores.RETIRED_STORIES), new StoryMembers(context.getStateStore(StoryStores.RETIRED_MEMBERS)),
        context.getStateStore(StoryStores.RETIRED_BY_CLOSE), index, settings, () -> next(NEXT_RETIRED_SEQUENCE));
    // Init runs after the stores are restored: count what this task already holds.
    this.task = context.taskId().toString();
    this.activeStories = activity.count();
    listener.activeStories(task, activeStories);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    // Closing is driven by the articles this processor decides, not by the task's stream time, which
    // also counts articles still waiting in the source-order buffer: so it happens at the same point of
    // the sequence in every run.
    Long nextCloseCheck = progress.get(NEXT_CLOSE_CHECK);
    if (nextCloseCheck == null || record.timestamp() >= nextCloseCheck) {
      if (nextCloseCheck != null) {
        closeIdleStories(record.timestamp());
      }
      progress.put(NEXT_CLOSE_CHECK, record.timestamp() + CLOSE_CHECK_INTERVAL.toMillis());
    }
    boolean late = LateArticles.marked(record.headers());
    long started = ticker.getAsLong();
    String shardKey = ShardKey.of(article);
    ShardIndex shardIndex = shards.computeIfAbsent(shardKey, shard -> new ShardIndex(index, shard));
    StoryClusterer.Outcome outcome = late && retired != null
        ? clusterer.acceptLate(article, shardIndex, retiredShards.computeIfAbsent(shardKey, s -> new ShardIndex(retired, s)))
        : clusterer.accept(article, shardIndex, late);
    long decisionNanos = ticker.getAsLong() - started;
    Assignment decision = outcome.decision();
    String storyId = outcome.storyId();
    String shard = record.key() == null ? "" : record.key();
    if (late) {
      for (StoryEvent event : outcome.change().events()) {
        if (article.getArticleId().equals(event.getArticleId())) {
          event.setLate(true);
        }
      }
    }
    if (outcome.absorbed() != null) {
      emit(outcome.absorbed(), record.timestamp());
    }
    emit(outcome.change(), record.timestamp());
    for (StoryMember moved : outcome.moved()) {
      // The link that moved them is the bridging article's score against their old story.
      ArticleAssignment reassigned = assignment(moved.getArticleId(), storyId, moved.getRole(), decision.bridgedScore(),
          shard, moved.getPublishedAt());
      reassigned.setLate(moved.getLate());
      context.forward(new Record<>(moved.getArticleId(), reassigned, record.timestamp()), NamedOutputs.ASSIGNMENTS);
    }
    ArticleAssignment assignment = assignment(article.getArticleId(), storyId, decision.role(), decision.score(),
        shard, article.getEventTime());
    assignment.setLate(late);
    context.forward(new Record<>(article.getArticleId(), assignment, record.timestamp()), NamedOutputs.ASSIGNMENTS);
    listener.assigned(assignment, decisionNanos, ingestedAt(record));
  }

  private long next(String counter) {
    Long next = progress.get(counter);
    long sequence = next == null ? 0 : next;
    progress.put(counter, sequence + 1);
    return sequence;
  }

  private static ArticleAssignment assignment(String articleId, String storyId, ArticleRole role, double similarity,
                                              String shard, Instant eventTime) {
    return ArticleAssignment.newBuilder()
        .setArticleId(articleId)
        .setStoryId(storyId)
        .setRole(role)
        .setSimilarity(similarity)
        .setShard(shard)
        .setEventTime(eventTime)
        .build();
  }

  @Override
  public void close() {
    if (task != null) {
      listener.activeStories(task, 0);
    }
  }

  private static Instant ingestedAt(Record<String, EnrichedArticle> record) {
    Header header = record.headers().lastHeader(HeaderNames.INGESTED_AT);
    if (header == null || header.value() == null) {
      return null;
    }
    try {
      return Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
    } catch (DateTimeParseException e) {
      return null; // Only a latency metric depends on it; the article itself is fine.
    }
  }

  private void closeIdleStories(long streamTime) {
    Instant now = Instant.ofEpochMilli(streamTime);
    List<StoryChange> closed = new ArrayList<>();
    // Candidates by the index, the decision still by closeIfIdle: the same stories close as with a full scan.
    for (String storyId : activity.updatedAtOrBefore(now.minus(settings.idleClose()).toEpochMilli())) {
      StoryChange change = clusterer.closeIfIdle(index.story(storyId), now, index,
          retired == null ? StoryClusterer.Retirement.NONE : retired);
      if (change != null) {
        closed.add(change);
      }
    }
    if (retired != null) {
      retired.purgeClosedAtOrBefore(now.minus(settings.lateHorizon()));
    }
    for (StoryChange change : closed) {
      emit(change, change.events().get(change.events().size() - 1).getEventTime().toEpochMilli());
    }
  }

  private void emit(StoryChange change, long timestamp) {
    String storyId = change.state().getSnapshot().getStoryId();
    for (StoryEvent event : change.events()) {
      context.forward(new Record<>(storyId, event, timestamp), NamedOutputs.EVENTS);
      listener.storyEvent(event);
      if (event.getType() == StoryEventType.STORY_STARTED) {
        listener.activeStories(task, ++activeStories);
      } else if (event.getType() == StoryEventType.STORY_CLOSED) {
        listener.activeStories(task, --activeStories);
      }
    }
    context.forward(new Record<>(storyId, change.state().getSnapshot(), timestamp), NamedOutputs.SNAPSHOTS);
  }
}
