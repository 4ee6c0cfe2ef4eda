package io.newsflow.aggregate;

import io.newsflow.schemas.avro.StoryStatus;
import io.newsflow.schemas.avro.internal.StoryMember;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What story assignment reads and writes: stories, the candidate index over them, MinHash signatures
 * and term statistics. Backed by state stores in the topology and by maps when fitting offline, so
 * both run the very same assignment code. Only active stories, and those folded into them, are held:
 * a closed story is {@linkplain #remove removed} with its members, postings and signatures.
 */
public interface StoryIndex extends TermStatistics {

  /** The counts behind {@link #documentFrequency}, for views that keep hold of the counts they read. */
  DocumentFrequencies documentFrequencies();

  /** Live articles (of active stories) indexed under {@code key}, most recent first, at most the cap. */
  List<Posting> postings(String key);

  /** MinHash signature of an indexed article, or null when unknown. */
  int[] signature(String articleId);

  /** State of a story, or null. */
  StoryState story(String storyId);

  /** Whether {@code story}, held here, may take new articles: the active ones (retired stories take late ones). */
  default boolean takesArticles(StoryState story) {
    return story.getSnapshot().getStatus() == StoryStatus.ACTIVE;
  }

  void putStory(StoryState state);

  /** Indexes {@code article}, a member of {@code storyId}, under {@code keys}, after every article indexed before. */
  void index(String storyId, IndexedArticle article, List<String> keys);

  /** Articles indexed under {@code storyId} (not those of stories it absorbed), in the order they joined. */
  List<StoryMember> members(String storyId);

  /** Forgets a story: its state, and its members' postings and signatures. */
  void remove(String storyId);

  /**
   * Counts one more article, published at {@code eventTime}, containing each of {@code keys}; the counts
   * cover the most recent articles only (ADR 29), so the oldest may be uncounted.
   */
  void countDocument(Instant eventTime, Collection<String> keys);
}
