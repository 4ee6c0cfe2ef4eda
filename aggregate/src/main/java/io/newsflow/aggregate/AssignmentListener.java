package io.newsflow.aggregate;

import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.StoryEvent;
import java.time.Instant;

/**
 * What the story topology tells an observer (metrics) about its work. Called on the stream thread
 * for every article, so implementations must be quick and must not throw. Under exactly-once a
 * record whose transaction aborts is processed, and reported, again.
 */
public interface AssignmentListener {
  /** Reports nothing. */
  AssignmentListener NONE = new AssignmentListener() {
    @Override
    public void assigned(ArticleAssignment assignment, long decisionNanos, Instant ingestedAt) {}

    @Override
    public void storyEvent(StoryEvent event) {}

    @Override
    public void activeStories(String task, long count) {}
  };

  /**
   * An article was assigned to a story.
   *
   * @param decisionNanos time spent deciding (candidate search, scoring, index updates)
   * @param ingestedAt    when ingest took the article, from the record's header; null when absent
   */
  void assigned(ArticleAssignment assignment, long decisionNanos, Instant ingestedAt);

  /** A story event was emitted. */
  void storyEvent(StoryEvent event);

  /** The number of active (not closed) stories that {@code task} now holds; 0 when the task leaves. */
  void activeStories(String task, long count);
}
