package io.newsflow.schemas;

import io.newsflow.schemas.avro.StoryEventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a subscriber needs to know about each public topic that neither the {@link Topics} catalogue nor the
 * {@code .avsc} docs say: what the key is, how records are ordered, what to skip. The one place these sentences
 * live in code; the AsyncAPI document ({@code docs/asyncapi.yaml}) is generated from them, the catalogue and the
 * schemas. Topics are named by their default names: a deployment may rename them with {@code topic.<role>}.
 */
public final class PublicTopics {

  /** The consumer-facing description of one topic. */
  public record Guide(String name, String id, String summary, String key, String ordering, String notes) {}

  /** Record headers subscribers may read (values are UTF-8 text), by the topics that carry them. */
  public record HeaderGuide(String name, String meaning) {}

  public static final List<Guide> GUIDES = List.of(
      new Guide(TopicNames.RAW, "articlesRaw",
          "Every article as ingest received it, before any analysis: the historical feed that replays and"
              + " reprocessing read. Written by ingest in transactions.",
          "The article id (`a-` and a hash of the canonical URL, or of source and guid). The same article"
              + " ingested again has the same key; a changed one comes back with a higher `revision`.",
          "Partitioned by source (murmur2 of the source name, not of the key), so one source's articles keep"
              + " ingest's order; the header `newsflow.sequence` is ingest's order across partitions.",
          ""),
      new Guide(TopicNames.ENRICHED, "articlesEnriched",
          "Every valid raw article with cleaned text, language, named entities and dedupe keys. Written by"
              + " enrich in transactions (exactly once); an article enrich cannot read is a dead letter instead.",
          "The article id, as on the raw topic.",
          "The same partition as the article had on the raw topic (by source), in the raw topic's order.",
          "Skip records with a null value: they are enrich's progress records (key `newsflow.progress/<partition>`,"
              + " header `newsflow.progress`), which tell the aggregate how far a partition is written (ADR 31)."),
      new Guide(TopicNames.STORY_EVENTS, "storyEvents",
          "The per-story event streams: one record per change of a story. Written by aggregate in transactions,"
              + " together with the snapshot and assignments of the same change.",
          "The story id (`s-` and a hash derived from the founding article, so a replay gives the same ids).",
          "All events of a story are on one partition in `sequence` order: 1, 2, 3... without gaps or repeats"
              + " when read with `isolation.level=read_committed`. No order between stories.",
          "A merge ends the younger story with `STORY_CLOSED` (`mergedStoryIds` = [survivor]) and continues the"
              + " older with `STORIES_MERGED` (`mergedStoryIds` = [younger]); the two may be on different partitions."),
      new Guide(TopicNames.STORY_SNAPSHOTS, "storySnapshots",
          "The latest state of each story, written with every event: a consumer that wants current stories"
              + " reads this topic from the beginning instead of folding the events.",
          "The story id, as on the events topic.",
          "Per story in `version` order on one partition; compaction keeps at least the latest of each story.",
          "A closed story keeps its last snapshot (`status` CLOSED, `mergedInto` set when it was folded into"
              + " another): the pipeline writes no tombstones here. `articles` holds at most 50 articles; full"
              + " membership is on news.articles.assignments."),
      new Guide(TopicNames.ASSIGNMENTS, "articleAssignments",
          "Which story each article is in: one record per decided article, and a new one for each article of a"
              + " story folded into another by a merge.",
          "The article id.",
          "Per article on one partition (Kafka's default partitioner on the key); compaction keeps at least the"
              + " latest, which is the article's story.",
          "Every valid article gets exactly one story; the latest record of an article wins. The pipeline writes"
              + " no tombstones here."),
      new Guide(TopicNames.DEAD_LETTER, "deadLetters",
          "Input that a stage could not process, from any stage (ingest, enrich, aggregate), with the reason, the"
              + " error, and the original topic, partition, offset and bytes: nothing is dropped silently.",
          "From enrich and aggregate the original record's key (null when it had none); from ingest, where the"
              + " input was read (file path and line, feed URL or HTTP push).",
          "Partitioned by the key; no order across stages.",
          ""));

  /** The catalogue's topics that only the pipeline reads: not described for subscribers. */
  public static final Set<String> INTERNAL = Set.of(TopicNames.INGEST_STATE, TopicNames.INGEST_PROGRESS);

  public static final Map<String, List<HeaderGuide>> HEADERS = Map.of(
      TopicNames.RAW, articleHeaders(),
      TopicNames.ENRICHED, articleHeaders());

  /** What each story event means, for the events topic's description. */
  public static final Map<StoryEventType, String> EVENT_TYPES = eventTypes();

  private PublicTopics() {}

  private static List<HeaderGuide> articleHeaders() {
    return List.of(
        new HeaderGuide(HeaderNames.SOURCE, "The article's source name."),
        new HeaderGuide(HeaderNames.INGESTED_AT, "When ingest took the article, ISO-8601 (e.g. 2024-03-01T10:15:30.123Z)."),
        new HeaderGuide(HeaderNames.SEQUENCE, "The article's position in ingest's committed output, in decimal,"
            + " counting from 0 across restarts: ingest's order over all partitions."));
  }

  private static Map<StoryEventType, String> eventTypes() {
    Map<StoryEventType, String> meanings = new EnumMap<>(StoryEventType.class);
    meanings.put(StoryEventType.STORY_STARTED, "An article matched no active story and founded this one"
        + " (sequence 1; `articleId`, `role` NEW_REPORT, `headline` is its title).");
    meanings.put(StoryEventType.ARTICLE_ADDED, "An article joined the story; `role` says whether it is a new"
        + " report, a near duplicate or an exact duplicate of one already in it; `articleCount` counts it. With"
        + " `late` true it arrived late, and may come after the story's STORY_CLOSED.");
    meanings.put(StoryEventType.STORY_UPDATED, "The story's sources or top entities changed: right after the"
        + " ARTICLE_ADDED whose article changed them.");
    meanings.put(StoryEventType.STORIES_MERGED, "An article bridged this story and a younger one: the younger"
        + " (`mergedStoryIds`) was folded into this one, its articles counted here; `articleId` is the bridging"
        + " article, whose ARTICLE_ADDED follows.");
    meanings.put(StoryEventType.STORY_CLOSED, "No article joined the story for the idle period"
        + " (aggregate.idle-close-ms of event time, 14 days by default), or it was folded into the story named in"
        + " `mergedStoryIds` (its last event). A closed story never reopens, but for aggregate.late-horizon after an"
        + " idle close a late article may still join it: an ARTICLE_ADDED with `late` true, the status staying CLOSED.");
    return Map.copyOf(meanings);
  }
}
