package io.newsflow.aggregate;

import io.newsflow.schemas.avro.ArticleRole;

/**
 * The assigner's decision for one article.
 *
 * @param storyId the story it joins, or null when it founds a new story
 * @param role    what it adds to the story
 * @param score   similarity that decided it (1.0 for exact duplicates and founders)
 */
public record Assignment(String storyId, ArticleRole role, double score) {

  public static Assignment newStory() {
    return new Assignment(null, ArticleRole.NEW_REPORT, 1.0);
  }

  public boolean foundsStory() {
    return storyId == null;
  }
}
