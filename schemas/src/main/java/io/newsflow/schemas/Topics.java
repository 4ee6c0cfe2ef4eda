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
import java.util.Set;
import java.util.TreeSet;
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
   * The setting naming the {@code compression.type} of the public topics, those other services subscribe to.
   * Set on the topic, so the broker stores that codec whatever a producer sent (ADR 33).
   */
  public static final String PUBLIC_COMPRESSION = "topic.public.compression";
  /** Gzip: the one codec every stock client reads without a plugin (KafkaJS has no zstd, lz4 or snappy). */
  public static final String DEFAULT_PUBLIC_COMPRESSION = "gzip";
  /**
   * Only the pipeline reads its own topics: they keep the producers' batches as sent, like Streams' changelogs and
   * repartition topics, since a broker recompressing costs more than either codec (ADR 33).
   */
  private static final String INTERNAL_COMPRESSION = "producer";
  private static final Set<String> TOPIC_CODECS = Set.of("gzip", "snappy", "lz4", "zstd", "uncompressed", "producer");

  private final Topic<String, RawArticle> raw;
  private final Topic<String, EnrichedArticle> enriched;
  private final Topic<String, DeadLetter> deadLetter;
  private final Topic<String, StoryEvent> storyEvents;
  private final Topic<String, StorySnapshot> storySnapshots;
  private final Topic<String, ArticleAssignment> assignments;
  private final Topic<String, PublishedRevision> ingestState;
  private final Topic<String, IngestProgress> ingestProgress;

  /** The catalogue with public topics in {@link #DEFAULT_PUBLIC_COMPRESSION}. */
  public Topics(TopicNames names, int partitions, SchemaRegistry registry) {
    this(names, partitions, DEFAULT_PUBLIC_COMPRESSION, registry);
  }

  /** {@code publicCompression}: the {@code compression.type} of the public topics (a topic-level codec name). */
  public Topics(TopicNames names, int partitions, String publicCompression, SchemaRegistry registry) {
    // Kept forever: the historical feed that replays and reprocessing read, and every topic derived from it.
    // Record timestamps are publication times, so time-based retention would delete a replayed article of
    // last year as soon as it was written, before the next stage read it (ADR 17).
    Map<String, String> keepForever = Map.of("retention.ms", "-1", "compression.type", checked(publicCompression));
    Map<String, String> compacted = Map.of("cleanup.policy", "compact", "compression.type", publicCompression);
    Map<String, String> internal = Map.of("cleanup.policy", "compact", "compression.type", INTERNAL_COMPRESSION);
    raw = keyedById(topic(names.raw(), partitions, keepForever, registry, RawArticle.class));
    enriched = keyedById(topic(names.enriched(), partitions, keepForever, registry, EnrichedArticle.class));
    deadLetter = topic(names.deadLetter(), partitions, keepForever, registry, DeadLetter.class);
    storyEvents = topic(names.storyEvents(), partitions, keepForever, registry, StoryEvent.class);
    storySnapshots = topic(names.storySnapshots(), partitions, compacted, registry, StorySnapshot.class);
    assignments = topic(names.assignments(), partitions, compacted, registry, ArticleAssignment.class);
    ingestState = topic(names.ingestState(), partitions, internal, registry, PublishedRevision.class);
    // One partition, so every reader sees every record in one order; compacted: only the latest counts.
    ingestProgress = topic(names.ingestProgress(), 1, internal, registry, IngestProgress.class);
  }

  /** The {@link #PUBLIC_COMPRESSION} of {@code settings}, {@link #DEFAULT_PUBLIC_COMPRESSION} when unset. */
  public static String publicCompression(Map<String, String> settings) {
    return checked(settings.getOrDefault(PUBLIC_COMPRESSION, DEFAULT_PUBLIC_COMPRESSION).trim());
  }

  private static String checked(String codec) {
    if (!TOPIC_CODECS.contains(codec)) {
      throw new IllegalArgumentException(PUBLIC_COMPRESSION + " must be one of " + new TreeSet<>(TOPIC_CODECS)
          + " (a topic's compression.type), got '" + codec + "'");
    }
    return codec;
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

  /** The topics other services subscribe to, in the contract's order; the others are the pipeline's own. */
  public List<Topic<String, ?>> published() {
    return List.of(raw, enriched, storyEvents, storySnapshots, assignments, deadLetter);
  }

  public List<Topic<String, ?>> all() {
    return List.of(raw, enriched, deadLetter, storyEvents, storySnapshots, assignments, ingestState, ingestProgress);
  }
}
