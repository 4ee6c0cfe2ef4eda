package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import io.newsflow.schemas.avro.internal.IngestProgress;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Raw articles in, enriched articles out, keyed by article id on the same partitions (by source, as ingest
 * writes them: {@link BySourcePartitioner}), so enrichment scales with the raw topic's partitions. Each task
 * also writes progress records into its enriched partition ({@link ProgressReporter}, ADR 31). Output records carry the article's event time as their
 * timestamp, whatever the producer of the raw record stamped. Articles that cannot be analysed become dead letters
 * through the processing exception handler (see {@code StreamsSettings}).
 *
 * <p>Per-source boilerplate is learned in {@link #SOURCE_LINE_STORE}. Ingest partitions by source, so one
 * task sees all of a source's articles in ingest's order, and what it learns does not depend on the
 * partition count (ADR 32).
 */
public final class EnrichTopology {
  public static final String APPLICATION_ID = "newsflow-enrich";
  public static final String STAGE = "enrich";
  /** Source + NUL + line hash to the number of that source's articles carrying the line. */
  public static final String SOURCE_LINE_STORE = "source-line-store";
  /** Raw partition to the offset of its last record this task has processed (ProgressReporter). */
  public static final String RAW_PROCESSED_STORE = "raw-processed-store";
  /** Ingest's latest progress, a global store of the ingest-progress topic. */
  public static final String INGEST_PROGRESS_STORE = "ingest-progress-store";
  /** Articles of a source that must carry a line before it counts as that source's boilerplate. */
  public static final int DEFAULT_BOILERPLATE_MIN_ARTICLES = 5;

  private EnrichTopology() {}

  public static Topology build(Topics topics, ArticleEnricher enricher) {
    return build(topics, enricher, DEFAULT_BOILERPLATE_MIN_ARTICLES);
  }

  public static Topology build(Topics topics, ArticleEnricher enricher, int boilerplateMinArticles) {
    return build(topics, enricher, boilerplateMinArticles, EnrichmentListener.NONE);
  }

  /** The same topology, telling {@code listener} about each article it enriched. */
  public static Topology build(Topics topics, ArticleEnricher enricher, int boilerplateMinArticles,
                               EnrichmentListener listener) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SOURCE_LINE_STORE), Serdes.String(), Serdes.Long()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(RAW_PROCESSED_STORE), Serdes.Integer(), Serdes.Long()).withCachingEnabled());
    // Every task reads ingest's latest progress (one record, compacted): a global table, in memory.
    builder.globalTable(topics.ingestProgress().name(),
        Consumed.with(topics.ingestProgress().keySerde(), topics.ingestProgress().valueSerde()).withName("ingest-progress-source"),
        Materialized.<String, IngestProgress>as(Stores.inMemoryKeyValueStore(INGEST_PROGRESS_STORE))
            .withKeySerde(topics.ingestProgress().keySerde()).withValueSerde(topics.ingestProgress().valueSerde()));
    builder.stream(topics.raw().name(), Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde())
            .withName("raw-source"))
        .process(() -> new ProgressReporter(INGEST_PROGRESS_STORE, RAW_PROCESSED_STORE), Named.as("report-progress"),
            RAW_PROCESSED_STORE)
        .processValues(() -> new EventTimeEnrichment(enricher, boilerplateMinArticles, listener), Named.as("enrich-article"),
            SOURCE_LINE_STORE)
        .to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
            .withStreamPartitioner(new BySourcePartitioner()).withName("enriched-sink"));
    return builder.build();
  }
}
