package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;

/**
 * One article in, one decision and its story change out, with every index update that follows: the
 * whole of story clustering, independent of where state lives. The topology and the offline fit run
 * this same code.
 */
public final class StoryClusterer {
  private final StoryAssigner assigner;
  private final StoryBook book;

  public StoryClusterer(ClusteringSettings settings) {
    this.assigner = new StoryAssigner(settings);
    this.book = new StoryBook(settings);
  }

  /** What happened to an article: the decision and the change to its story. */
  public record Outcome(Assignment decision, StoryChange change) {
    public String storyId() {
      return change.state().getSnapshot().getStoryId();
    }
  }

  public Outcome accept(EnrichedArticle article, StoryIndex index) {
    // Counted first, so the article's own words are never unseen (their idf stays finite and comparable).
    index.countDocument(IndexKeys.statistics(article));
    Assignment decision = assigner.assign(article, index);
    StoryChange change = decision.foundsStory()
        ? book.found(article)
        : book.add(index.story(decision.storyId()), article, decision);
    String storyId = change.state().getSnapshot().getStoryId();
    index.putStory(change.state());
    index.index(storyId, article.getArticleId(), article.getFingerprints().getMinHash(),
        StoryAssigner.indexKeys(article, index));
    return new Outcome(decision, change);
  }

  /** The closing change of {@code story} if it has been idle too long at {@code streamTime}, else null. */
  public StoryChange closeIfIdle(StoryState story, Instant streamTime) {
    return book.closeIfIdle(story, streamTime);
  }
}
