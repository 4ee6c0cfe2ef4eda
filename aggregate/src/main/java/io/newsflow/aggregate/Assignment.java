package io.newsflow.aggregate;

import io.newsflow.schemas.avro.ArticleRole;

/**
 * The assigner's decision for one article.
 *
 * @param storyId        the story it joins, or null when it founds a new story
 * @param role           what it adds to the story
 * @param score          similarity that decided it (1.0 for exact duplicates and founders)
 * @param bridgedStoryId a second active story the article also matches at the merge threshold, or null:
 *                       the two stories are to be merged
 * @param bridgedScore   the article's score against {@code bridgedStoryId} (0 when there is none)
 */
public record Assignment(String storyId, ArticleRole role, double score, String bridgedStoryId, double bridgedScore) {

  public Assignment(String storyId, ArticleRole role, double score) {
    this(storyId, role, score, null, 0);
  }

  public static Assignment newStory() {
    return new Assignment(null, ArticleRole.NEW_REPORT, 1.0);
  }

  public boolean foundsStory() {
    return storyId == null;
  }

  public boolean bridgesStories() {
    return bridgedStoryId != null;
  }

  /** This decision, also bridging {@code other}. */
  Assignment bridging(Assignment other) {
    return new Assignment(storyId, role, score, other.storyId(), other.score());
  }
}
