package io.newsflow.app.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.enrich.EnrichmentListener;
import io.newsflow.platform.metrics.MeterNames;
import io.newsflow.schemas.avro.EnrichedArticle;

/** Enrich's work as {@code newsflow_enrich_articles_total}. */
public final class MeteredEnrichment implements EnrichmentListener {
  private final Counter enriched;

  MeteredEnrichment(MeterRegistry registry) {
    enriched = Counter.builder(MeterNames.ENRICH_ARTICLES)
        .description("Articles enriched and passed on to aggregate").register(registry);
  }

  @Override
  public void enriched(EnrichedArticle article) {
    enriched.increment();
  }
}
