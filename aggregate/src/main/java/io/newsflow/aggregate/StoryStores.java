package io.newsflow.aggregate;

/** Names of the aggregate's state stores (their changelogs are named after them). */
public final class StoryStores {
  public static final String STORY_STATE = "story-state-store";
  public static final String STORY_INDEX = "story-index-store";
  public static final String ARTICLE_SIGNATURES = "article-signature-store";
  public static final String TERM_STATISTICS = "term-statistics-store";
  public static final String SOURCE_ORDER_BUFFER = "source-order-buffer-store";

  private StoryStores() {}
}
