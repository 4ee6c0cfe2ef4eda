package io.newsflow.aggregate;

import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Thin wiring of {@link StoryAssigner} and {@link StoryBook} onto state stores: one ordered decision
 * per article of a shard, then the story's events, its new snapshot and the article's assignment.
 * Idle stories are closed by event time, checked as articles are decided, so replays close them exactly
 * as live runs did.
 */
final class StoryAssignmentProcessor implements Processor<String, EnrichedArticle, String, SpecificRecord> {
  static final Duration CLOSE_CHECK_INTERVAL = Duration.ofMinutes(15);

  private final ClusteringSettings settings;
  private final StoryClusterer clusterer;
  private ProcessorContext<String, SpecificRecord> context;
  private StoreBackedStoryIndex index;
  private KeyValueStore<String, StoryState> stories;
  /** Kept beside the document count, so a restarted task checks for idle stories where the old one would have. */
  static final String NEXT_CLOSE_CHECK = "\u0000next-close-check";
  private KeyValueStore<String, Long> progress;

  StoryAssignmentProcessor(ClusteringSettings settings) {
    this.settings = settings;
    this.clusterer = new StoryClusterer(settings);
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.stories = context.getStateStore(StoryStores.STORY_STATE);
    this.progress = context.getStateStore(StoryStores.TERM_STATISTICS);
    this.index = new StoreBackedStoryIndex(stories, context.getStateStore(StoryStores.STORY_INDEX),
        context.getStateStore(StoryStores.ARTICLE_SIGNATURES), context.getStateStore(StoryStores.TERM_STATISTICS),
        settings.maxPostingsPerKey());
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
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
    EnrichedArticle article = record.value();
    StoryClusterer.Outcome outcome = clusterer.accept(article, index);
    Assignment decision = outcome.decision();
    String storyId = outcome.storyId();
    emit(outcome.change(), record.timestamp());
    ArticleAssignment assignment = ArticleAssignment.newBuilder()
        .setArticleId(article.getArticleId())
        .setStoryId(storyId)
        .setRole(decision.role())
        .setSimilarity(decision.score())
        .setShard(record.key() == null ? "" : record.key())
        .setEventTime(article.getEventTime())
        .build();
    context.forward(new Record<>(article.getArticleId(), assignment, record.timestamp()));
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
