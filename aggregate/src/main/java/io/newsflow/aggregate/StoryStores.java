package io.newsflow.aggregate;

/** Names of the aggregate's state stores (their changelogs are named after them). */
public final class StoryStores {
  public static final String STORY_STATE = "story-state-store";
  public static final String STORY_INDEX = "story-index-store";
  public static final String ARTICLE_SIGNATURES = "article-signature-store";
  /** Active stories by last update time, for closing idle ones without reading every story ({@link StoryActivity}). */
  public static final String STORY_ACTIVITY = "story-activity-store";
  public static final String TERM_STATISTICS = "term-statistics-store";
  public static final String SOURCE_ORDER_BUFFER = "source-order-buffer-store";
  /** Latest snapshot per story id, materialised from the snapshots topic for interactive queries. */
  public static final String STORY_SNAPSHOTS = "story-snapshot-store";
  /** Latest assignment per article id, materialised from the assignments topic for interactive queries. */
  public static final String ARTICLE_ASSIGNMENTS = "article-assignment-store";

  private StoryStores() {}
}
