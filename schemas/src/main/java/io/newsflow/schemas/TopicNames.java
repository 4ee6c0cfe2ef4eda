package io.newsflow.schemas;

import java.util.List;
import java.util.Map;

/**
 * The names of the pipeline's topics. Defaults are the documented ones; each can be overridden
 * with a {@code topic.<role>} setting (e.g. {@code topic.raw=news.articles.raw.v2}) so a
 * reprocessing run can write beside the live one.
 */
public record TopicNames(String raw, String enriched, String deadLetter,
                         String storyEvents, String storySnapshots, String assignments, String ingestState,
                         String ingestProgress) {

  public static final String RAW = "news.articles.raw";
  public static final String ENRICHED = "news.articles.enriched";
  public static final String DEAD_LETTER = "news.deadletter";
  public static final String STORY_EVENTS = "news.stories.events";
  public static final String STORY_SNAPSHOTS = "news.stories.snapshots";
  public static final String ASSIGNMENTS = "news.articles.assignments";
  /** Compacted: what ingest last published per article, so unchanged articles are not republished. */
  public static final String INGEST_STATE = "news.ingest.published";
  /** One partition: how far ingest's sequence is committed, per transaction (ADR 31). */
  public static final String INGEST_PROGRESS = "news.ingest.progress";

  public static TopicNames defaults() {
    return fromSettings(Map.of());
  }

  /** Reads {@code topic.raw}, {@code topic.enriched}, {@code topic.deadletter}, {@code topic.story-events}, {@code topic.story-snapshots}, {@code topic.assignments}, {@code topic.ingest-state}, {@code topic.ingest-progress}. */
  public static TopicNames fromSettings(Map<String, String> settings) {
    return new TopicNames(
        settings.getOrDefault("topic.raw", RAW),
        settings.getOrDefault("topic.enriched", ENRICHED),
        settings.getOrDefault("topic.deadletter", DEAD_LETTER),
        settings.getOrDefault("topic.story-events", STORY_EVENTS),
        settings.getOrDefault("topic.story-snapshots", STORY_SNAPSHOTS),
        settings.getOrDefault("topic.assignments", ASSIGNMENTS),
        settings.getOrDefault("topic.ingest-state", INGEST_STATE),
        settings.getOrDefault("topic.ingest-progress", INGEST_PROGRESS));
  }

  public List<String> all() {
    return List.of(raw, enriched, deadLetter, storyEvents, storySnapshots, assignments, ingestState, ingestProgress);
  }
}
