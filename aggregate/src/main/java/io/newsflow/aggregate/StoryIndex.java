package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.Posting;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.Collection;
import java.util.List;

/**
 * What story assignment reads and writes: stories, the candidate index over them, MinHash signatures
 * and term statistics. Backed by state stores in the topology and by maps when fitting offline, so
 * both run the very same assignment code.
 */
public interface StoryIndex extends TermStatistics {

  /** Articles (of stories) indexed under {@code key}: an LSH band, a content hash, an entity or a term. */
  List<Posting> postings(String key);

  /** MinHash signature of an indexed article, or null when unknown. */
  int[] signature(String articleId);

  /** State of a story, or null. */
  StoryState story(String storyId);

  void putStory(StoryState state);

  /** Indexes an article of {@code storyId} under {@code keys}, most recent first, dropping the oldest past the cap. */
  void index(String storyId, String articleId, List<Integer> minHash, List<String> keys);

  /** Counts one more article containing each of {@code keys}. */
  void countDocument(Collection<String> keys);
}
