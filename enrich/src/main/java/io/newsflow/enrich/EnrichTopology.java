package io.newsflow.enrich;

import io.newsflow.schemas.Topics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Raw articles in, enriched articles out, keyed by article id on the same partitions, so enrichment
 * scales with the raw topic's partitions. Output records carry the article's event time as their
 * timestamp, whatever the producer of the raw record stamped. Articles that cannot be analysed become dead letters
 * through the processing exception handler (see {@code StreamsSettings}).
 */
public final class EnrichTopology {
  public static final String APPLICATION_ID = "newsflow-enrich";
  public static final String STAGE = "enrich";

  private EnrichTopology() {}

  public static Topology build(Topics topics, ArticleEnricher enricher) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(topics.raw().name(), Consumed.with(topics.raw().keySerde(), topics.raw().valueSerde())
            .withName("raw-source"))
        .processValues(() -> new EventTimeEnrichment(enricher), Named.as("enrich-article"))
        .to(topics.enriched().name(), Produced.with(topics.enriched().keySerde(), topics.enriched().valueSerde())
            .withName("enriched-sink"));
    return builder.build();
  }
}
