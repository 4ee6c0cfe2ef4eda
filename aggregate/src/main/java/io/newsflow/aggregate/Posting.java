package io.newsflow.aggregate;

/** One article of one story under an index key: what a look-up of the candidate index returns. */
public record Posting(String storyId, String articleId) {}
