package io.newsflow.enrich;

import io.newsflow.schemas.avro.EnrichedArticle;

/**
 * What the enrich topology tells an observer (metrics): each article it enriched. Called on the stream
 * thread, so it must be quick and must not throw. Under exactly-once a record whose transaction
 * aborts is processed, and reported, again.
 */
@FunctionalInterface
public interface EnrichmentListener {
  EnrichmentListener NONE = article -> {};

  void enriched(EnrichedArticle article);
}
