package io.newsflow.schemas;

import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.avro.internal.IngestProgress;
import io.newsflow.schemas.registry.SchemaRegistry;
import io.newsflow.schemas.serde.AvroSerde;
import io.newsflow.schemas.serde.RequiredKeyDeserializer;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The typed topic catalogue: every topic's name, partitions, retention and serdes, in one place.
 * Immutable; built from configuration and a schema registry. Keys are plain UTF-8 strings (see
 * docs/adr/0003-string-keys.md); values are Avro in the Confluent wire format.
 */
public final class Topics {
  /**
   * Kept forever: the historical feed that replays and reprocessing read, and every topic derived from it.
   * Record timestamps are publication times, so time-based retention would delete a replayed article of
   * last year as soon as it was written, before the next stage read it (ADR 17).
   */
  private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1", "compression.type", "zstd");
  private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact", "compression.type", "zstd");

  private final Topic<String, RawArticle> raw;
  private final Topic<String, EnrichedArticle> enriched;
  private final Topic<String, DeadLetter> deadLetter;
  private final Topic<String, StoryEvent> storyEvents;
  private final Topic<String, StorySnapshot> storySnapshots;
  private final Topic<String, ArticleAssignment> assignments;
  private final Topic<String, PublishedRevision> ingestState;
  private final Topic<String, IngestProgress> ingestProgress;

  public Topics(TopicNames names, int partitions, SchemaRegistry registry) {
    raw = keyedById(topic(names.raw(), partitions, KEEP_FOREVER, registry, RawArticle.class));
    enriched = keyedById(topic(names.enriched(), partitions, KEEP_FOREVER, registry, EnrichedArticle.class));
    deadLetter = topic(names.deadLetter(), partitions, KEEP_FOREVER, registry, DeadLetter.class);
    storyEvents = topic(names.storyEvents(), partitions, KEEP_FOREVER, registry, StoryEvent.class);
    storySnapshots = topic(names.storySnapshots(), partitions, COMPACTED, registry, StorySnapshot.class);
    assignments = topic(names.assignments(), partitions, COMPACTED, registry, ArticleAssignment.class);
    ingestState = topic(names.ingestState(), partitions, COMPACTED, registry, PublishedRevision.class);
    // One partition, so every reader sees every record in one order; compacted: only the latest counts.
    ingestProgress = topic(names.ingestProgress(), 1, COMPACTED, registry, IngestProgress.class);
  }

  private static <V extends SpecificRecord> Topic<String, V> topic(
      String name, int partitions, Map<String, String> configs, SchemaRegistry registry, Class<V> type) {
    Serde<V> values = AvroSerde.forValues(registry, type);
    return new Topic<>(name, partitions, configs, Serdes.String(), values);
  }

  /** The article topics the topologies read: a record without its article id as key is refused. */
  private static <V> Topic<String, V> keyedById(Topic<String, V> topic) {
    return new Topic<>(topic.name(), topic.partitions(), topic.configs(),
        Serdes.serdeFrom(new StringSerializer(), new RequiredKeyDeserializer()), topic.valueSerde());
  }

  public Topic<String, RawArticle> raw() { return raw; }
  public Topic<String, EnrichedArticle> enriched() { return enriched; }
  public Topic<String, DeadLetter> deadLetter() { return deadLetter; }
  public Topic<String, StoryEvent> storyEvents() { return storyEvents; }
  public Topic<String, StorySnapshot> storySnapshots() { return storySnapshots; }
  public Topic<String, ArticleAssignment> assignments() { return assignments; }
  public Topic<String, PublishedRevision> ingestState() { return ingestState; }
  public Topic<String, IngestProgress> ingestProgress() { return ingestProgress; }

  public List<Topic<String, ?>> all() {
    return List.of(raw, enriched, deadLetter, storyEvents, storySnapshots, assignments, ingestState, ingestProgress);
  }
}
