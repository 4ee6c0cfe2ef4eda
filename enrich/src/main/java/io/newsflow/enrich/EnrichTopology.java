package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Raw articles in, enriched articles out, keyed by article id on the same partitions, so enrichment
 * scales with the raw topic's partitions. Output records carry the article's event time as their
 * timestamp, whatever the producer of the raw record stamped. Articles that cannot be analysed become dead letters
 * through the processing exception handler (see {@code StreamsSettings}).
 *
 * <p>Per-source boilerplate is learned in {@link #SOURCE_LINE_STORE}. Records are keyed by article id,
 * so each task counts only the articles of its own partitions: counts are per partition, not global
 * (repartitioning by source would make them global, at the cost of a repartition topic).
 */
public final class EnrichTopology {
  public static final String APPLICATION_ID = "newsflow-enrich";
  public static final String STAGE = "enrich";
  /** Source + NUL + line hash to the number of that source's articles carrying the line. */
  public static final String SOURCE_LINE_STORE = "source-line-store";
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
    builder.stream(topics.raw().name(), Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde())
            .withName("raw-source"))
        .processValues(() -> new EventTimeEnrichment(enricher, boilerplateMinArticles, listener), Named.as("enrich-article"),
            SOURCE_LINE_STORE)
        .to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
            .withName("enriched-sink"));
    return builder.build();
  }
}
