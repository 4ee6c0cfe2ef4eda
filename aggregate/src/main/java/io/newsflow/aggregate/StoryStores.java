package io.newsflow.aggregate;

/** Names of the aggregate's state stores (their changelogs are named after them). */
public final class StoryStores {
  public static final String STORY_STATE = "story-state-store";
  /** Members of the active stories, one per article, from which the in-memory candidate index is rebuilt ({@link StoryMembers}). */
  public static final String STORY_MEMBERS = "story-member-store";
  /** The assigner's own progress: the next decision's sequence number and the next idle-close check. */
  public static final String STORY_PROGRESS = "story-progress-store";
  /** Active stories by last update time, for closing idle ones without reading every story ({@link StoryActivity}). */
  public static final String STORY_ACTIVITY = "story-activity-store";
  /** The articles counted in the document frequencies, by event time, while they are in the window ({@link DocumentFrequencies}). */
  public static final String DOCUMENT_WINDOW = "document-window-store";
  /** Stories closed within the late horizon, their members and their close times, for late articles ({@link RetiredStories}). */
  public static final String RETIRED_STORIES = "retired-story-store";
  public static final String RETIRED_MEMBERS = "retired-member-store";
  public static final String RETIRED_BY_CLOSE = "retired-close-store";
  public static final String SOURCE_ORDER_BUFFER = "source-order-buffer-store";
  /** The source-order merge's own progress: the latest event time it released per shard, for its late check. */
  public static final String SOURCE_ORDER_PROGRESS = "source-order-progress-store";
  /** Latest snapshot per story id, materialised from the snapshots topic for interactive queries. */
  public static final String STORY_SNAPSHOTS = "story-snapshot-store";
  /** Latest assignment per article id, materialised from the assignments topic for interactive queries. */
  public static final String ARTICLE_ASSIGNMENTS = "article-assignment-store";

  private StoryStores() {}
}
