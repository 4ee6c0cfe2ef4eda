package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.Posting;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.List;

/** Look-ups the assigner needs over active stories; backed by state stores in the topology. */
public interface StoryIndex {

  /** Articles (of stories) indexed under {@code key}: an LSH band, a content hash or an entity. */
  List<Posting> postings(String key);

  /** MinHash signature of an indexed article, or null when it has expired. */
  int[] signature(String articleId);

  /** State of a story, or null. */
  StoryState story(String storyId);
}
