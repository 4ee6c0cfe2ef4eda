package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.StoryState;

/**
 * Follows merges: index postings keep the story id an article was first indexed under, and a story
 * folded into another points at it ({@code mergedInto}). Rewriting every posting of a merged story
 * would cost a look-up per index key of each of its articles; following the pointer costs one per hop.
 * Survivors are always older than what they absorb, so the chain has no cycles.
 */
public final class StoryLineage {
  private StoryLineage() {}

  /** The story {@code storyId} now lives on as (itself when never merged), or null when unknown. */
  public static StoryState current(StoryIndex index, String storyId) {
    StoryState story = index.story(storyId);
    while (story != null && story.getSnapshot().getMergedInto() != null) {
      story = index.story(story.getSnapshot().getMergedInto());
    }
    return story;
  }

  /** Like {@link #current}, but only a story that takes articles ({@link StoryIndex#takesArticles}); else null. */
  public static StoryState active(StoryIndex index, String storyId) {
    StoryState story = current(index, storyId);
    return story != null && index.takesArticles(story) ? story : null;
  }

  /** Id of the story {@code storyId} now lives on as. */
  public static String currentId(StoryIndex index, String storyId) {
    StoryState story = current(index, storyId);
    return story == null ? storyId : story.getSnapshot().getStoryId();
  }
}
