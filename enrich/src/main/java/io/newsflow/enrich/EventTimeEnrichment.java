package io.newsflow.enrich;

import io.newsflow.enrich.text.SourceBoilerplate;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Enriches each article, removing its source's learned boilerplate lines, and stamps the result with
 * its event time, so stream time downstream is publication time.
 */
final class EventTimeEnrichment implements FixedKeyProcessor<String, RawArticle, EnrichedArticle> {
  private final ArticleEnricher enricher;
  private final int boilerplateMinArticles;
  private final EnrichmentListener listener;
  private FixedKeyProcessorContext<String, EnrichedArticle> context;
  private SourceBoilerplate boilerplate;

  EventTimeEnrichment(ArticleEnricher enricher, int boilerplateMinArticles, EnrichmentListener listener) {
    this.enricher = enricher;
    this.boilerplateMinArticles = boilerplateMinArticles;
    this.listener = listener;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    KeyValueStore<String, Long> lines = context.getStateStore(EnrichTopology.SOURCE_LINE_STORE);
    this.boilerplate = new SourceBoilerplate(new StoreLineCounts(lines), boilerplateMinArticles);
  }

  @Override
  public void process(FixedKeyRecord<String, RawArticle> record) {
    if (record.value() == null) {
      context.forward(record.withValue(null));   // a progress record (ProgressReporter)
      return;
    }
    String source = record.value().getSource();
    EnrichedArticle enriched = enricher.enrich(record.value(), text -> boilerplate.strip(source, text));
    context.forward(record.withValue(enriched).withTimestamp(enriched.getEventTime().toEpochMilli()));
    listener.enriched(enriched);
  }
}
