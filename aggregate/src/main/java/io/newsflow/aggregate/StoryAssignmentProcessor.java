package io.newsflow.aggregate;

import io.newsflow.platform.streams.RejectedRecordException;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.StoryArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Thin wiring of {@link StoryAssigner} and {@link StoryBook} onto state stores: one ordered decision
 * per article of a shard, then the story's events, its new snapshot and the article's assignment.
 * When the article bridged two stories, the absorbed story's last event and snapshot come first and
 * the assignments of its articles are re-emitted pointing at the survivor.
 * Idle stories are closed on stream-time punctuation, so replays close them exactly as live runs did.
 * An article older than stream time minus the late grace is rejected as {@code late-article}: the
 * dead-letter handler writes it to the dead-letter topic and counts it.
 */
final class StoryAssignmentProcessor implements Processor<String, EnrichedArticle, String, SpecificRecord> {
  static final Duration CLOSE_CHECK_INTERVAL = Duration.ofMinutes(15);
  /** Dead-letter reason of an article older than stream time minus the late grace. */
  static final String LATE_ARTICLE = "late-article";

  private final ClusteringSettings settings;
  private final StoryClusterer clusterer;
  private ProcessorContext<String, SpecificRecord> context;
  private StoreBackedStoryIndex index;
  private KeyValueStore<String, StoryState> stories;

  StoryAssignmentProcessor(ClusteringSettings settings) {
    this.settings = settings;
    this.clusterer = new StoryClusterer(settings);
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.stories = context.getStateStore(StoryStores.STORY_STATE);
    this.index = new StoreBackedStoryIndex(stories, context.getStateStore(StoryStores.STORY_INDEX),
        context.getStateStore(StoryStores.ARTICLE_SIGNATURES), context.getStateStore(StoryStores.TERM_STATISTICS),
        settings.maxPostingsPerKey());
    context.schedule(CLOSE_CHECK_INTERVAL, PunctuationType.STREAM_TIME, this::closeIdleStories);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    EnrichedArticle article = record.value();
    rejectIfLate(article, record.timestamp());
    StoryClusterer.Outcome outcome = clusterer.accept(article, index);
    Assignment decision = outcome.decision();
    String storyId = outcome.storyId();
    String shard = record.key() == null ? "" : record.key();
    if (outcome.absorbed() != null) {
      emit(outcome.absorbed(), record.timestamp());
    }
    emit(outcome.change(), record.timestamp());
    for (StoryArticle moved : outcome.moved()) {
      // The link that moved them is the bridging article's score against their old story.
      context.forward(new Record<>(moved.getArticleId(), assignment(moved.getArticleId(), storyId, moved.getRole(),
          decision.bridgedScore(), shard, moved.getPublishedAt()), record.timestamp()));
    }
    context.forward(new Record<>(article.getArticleId(), assignment(article.getArticleId(), storyId, decision.role(),
        decision.score(), shard, article.getEventTime()), record.timestamp()));
  }

  private void rejectIfLate(EnrichedArticle article, long timestamp) {
    long streamTime = context.currentStreamTimeMs();
    if (streamTime > timestamp && streamTime - timestamp > settings.lateGrace().toMillis()) {
      throw new RejectedRecordException(LATE_ARTICLE, "article " + article.getArticleId() + " published "
          + Instant.ofEpochMilli(timestamp) + " is more than " + settings.lateGrace() + " behind stream time "
          + Instant.ofEpochMilli(streamTime));
    }
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

  private void closeIdleStories(long streamTime) {
    List<StoryChange> closed = new ArrayList<>();
    try (KeyValueIterator<String, StoryState> all = stories.all()) {
      while (all.hasNext()) {
        KeyValue<String, StoryState> next = all.next();
        StoryChange change = clusterer.closeIfIdle(next.value, Instant.ofEpochMilli(streamTime));
        if (change != null) {
          closed.add(change);
        }
      }
    }
    for (StoryChange change : closed) {
      index.putStory(change.state());
      emit(change, change.events().get(change.events().size() - 1).getEventTime().toEpochMilli());
    }
  }

  private void emit(StoryChange change, long timestamp) {
    String storyId = change.state().getSnapshot().getStoryId();
    for (StoryEvent event : change.events()) {
      context.forward(new Record<>(storyId, event, timestamp));
    }
    context.forward(new Record<>(storyId, change.state().getSnapshot(), timestamp));
  }
}
