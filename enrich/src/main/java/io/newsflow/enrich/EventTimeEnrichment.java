package io.newsflow.enrich;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Enriches each article and stamps the result with its event time, so stream time downstream is publication time. */
final class EventTimeEnrichment implements FixedKeyProcessor<String, RawArticle, EnrichedArticle> {
  private final ArticleEnricher enricher;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;

  EventTimeEnrichment(ArticleEnricher enricher) {
    this.enricher = enricher;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    EnrichedArticle enriched = enricher.enrich(record.value());
    context.forward(record.withValue(enriched).withTimestamp(enriched.getEventTime().toEpochMilli()));
  }
}
