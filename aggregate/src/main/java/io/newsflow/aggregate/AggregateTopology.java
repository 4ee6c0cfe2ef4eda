package io.newsflow.aggregate;

import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.CountedDocument;
import io.newsflow.schemas.avro.internal.StoryMember;
import io.newsflow.schemas.avro.internal.StoryState;
import io.newsflow.schemas.registry.SchemaRegistry;
import io.newsflow.schemas.serde.AvroSerde;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The story topology: enriched articles are re-keyed by shard (language) so that every decision of
 * a shard is made in one task, in ingest's order restored from their sequence and enrich's progress records
 * (so it depends neither on the partition count nor on how those partitions' tasks interleaved); story events
 * and snapshots are keyed by story id and assignments by article id on their output topics.
 */
public final class AggregateTopology {
  public static final String APPLICATION_ID = "newsflow-aggregate";
  public static final String STAGE = "aggregate";
  public static final String SHARD_REPARTITION = "articles-by-shard";

  /**
   * The query tables restore from their compacted source topics instead of a changelog of their own:
   * every snapshot (up to 1,000 article summaries) was otherwise written to Kafka twice (ADR 26).
   */
  private static final Properties SOURCE_TABLES_WITHOUT_CHANGELOGS = new Properties();

  static {
    SOURCE_TABLES_WITHOUT_CHANGELOGS.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS);
  }

  private AggregateTopology() {}

  public static Topology build(Topics topics, ClusteringSettings settings, SchemaRegistry registry) {
    return build(topics, settings, registry, AssignmentListener.NONE);
  }

  /** The same topology, reporting its decisions, events and active stories to {@code listener}. */
  public static Topology build(Topics topics, ClusteringSettings settings, SchemaRegistry registry,
                               AssignmentListener listener) {
    StreamsBuilder builder = new StreamsBuilder();
    // Cached: each article rewrites its story and the progress keys, so only a key's last value per
    // commit reaches RocksDB and the changelog. Not the members nor the counted documents: each is
    // written once and deleted once, where a cache only adds work.
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.STORY_STATE),
        Serdes.String(), AvroSerde.forValues(registry, StoryState.class)).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.STORY_ACTIVITY),
        Serdes.String(), Serdes.String()).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.STORY_MEMBERS),
        Serdes.String(), AvroSerde.forValues(registry, StoryMember.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.DOCUMENT_WINDOW),
        Serdes.String(), AvroSerde.forValues(registry, CountedDocument.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.STORY_PROGRESS),
        Serdes.String(), Serdes.Long()).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.RETIRED_STORIES),
        Serdes.String(), AvroSerde.forValues(registry, StoryState.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.RETIRED_MEMBERS),
        Serdes.String(), AvroSerde.forValues(registry, StoryMember.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.RETIRED_BY_CLOSE),
        Serdes.String(), Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.SOURCE_ORDER_BUFFER),
        Serdes.String(), topics.enriched().valueSerde()).withCachingEnabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.SOURCE_ORDER_PROGRESS),
        Serdes.String(), Serdes.Long()).withCachingEnabled());

    String enriched = topics.enriched().name();
    // The assigner forwards each output to the child named for it (NamedOutputs), so the stream after it
    // carries several record types; each sink is typed for its own.
    KStream<String, EnrichedArticle> ordered = builder
        .stream(enriched, Consumed.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
            .withTimestampExtractor(new EventTimeExtractor()).withName("enriched-source"))
        .processValues(SourcePositionStamper::new, Named.as("stamp-source-position"))
        // Enrich's progress records (null value) go on to every shard: each shard's merge needs them all.
        .mapValues(article -> article == null ? null : ClusteringRecord.of(article), Named.as("clustering-record"))
        .selectKey((key, article) -> article == null ? key : ShardKey.of(article), Named.as("shard-key"))
        .repartition(Repartitioned.<String, EnrichedArticle>as(SHARD_REPARTITION)
            .withKeySerde(Serdes.String()).withValueSerde(topics.enriched().valueSerde())
            .withStreamPartitioner(new ProgressToEveryShard()))
        .process(() -> new SourceOrderProcessor(topics.enriched().partitions(), new LateArticles(settings.lateGrace())),
            Named.as("source-order"), StoryStores.SOURCE_ORDER_BUFFER, StoryStores.SOURCE_ORDER_PROGRESS);

    KStream<String, Object> outputs = ordered
        .process(() -> new StoryAssignmentProcessor(settings, listener, System::nanoTime), Named.as(NamedOutputs.ASSIGNER),
            StoryStores.STORY_STATE, StoryStores.STORY_ACTIVITY, StoryStores.STORY_MEMBERS, StoryStores.DOCUMENT_WINDOW,
            StoryStores.STORY_PROGRESS, StoryStores.RETIRED_STORIES, StoryStores.RETIRED_MEMBERS,
            StoryStores.RETIRED_BY_CLOSE);
    outputs.to(topics.storyEvents().name(), NamedOutputs.produced(topics.storyEvents(), NamedOutputs.EVENTS));
    outputs.to(topics.storySnapshots().name(), NamedOutputs.produced(topics.storySnapshots(), NamedOutputs.SNAPSHOTS));
    outputs.to(topics.assignments().name(), NamedOutputs.produced(topics.assignments(), NamedOutputs.ASSIGNMENTS));

    // For interactive queries: the outputs again, keyed and partitioned as on their topics, so Kafka
    // Streams' metadata for a story id or article id names the instance holding it. The assigner's
    // own stores live in shard tasks, where a story id alone cannot be routed.
    // The tables keep the records' bytes: decoding every snapshot and encoding it again for the store
    // cost as much as writing it; a query decodes the one it answers with (StoryQueries).
    builder.table(topics.storySnapshots().name(),
        Consumed.with(topics.storySnapshots().keySerde(), Serdes.ByteArray()).withName("story-snapshots-source"),
        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(StoryStores.STORY_SNAPSHOTS)
            .withKeySerde(topics.storySnapshots().keySerde()).withValueSerde(Serdes.ByteArray()));
    builder.table(topics.assignments().name(),
        Consumed.with(topics.assignments().keySerde(), Serdes.ByteArray()).withName("assignments-source"),
        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(StoryStores.ARTICLE_ASSIGNMENTS)
            .withKeySerde(topics.assignments().keySerde()).withValueSerde(Serdes.ByteArray()));
    return builder.build(SOURCE_TABLES_WITHOUT_CHANGELOGS);
  }
}
