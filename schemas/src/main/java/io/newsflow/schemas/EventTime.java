package io.newsflow.schemas;

import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;

/**
 * The one rule for an article's event time, which orders it into stories: its publication time, or its
 * ingest time when it has none or when the publication time lies after it (a clock or time-zone error at
 * the source; a feed cannot publish what ingest has not read yet). Ingest stamps its records with it and
 * enrich carries it as {@code eventTime}, so both always agree.
 */
public final class EventTime {
  private EventTime() {}

  public static Instant of(RawArticle article) {
    return of(article.getPublishedAt(), article.getIngestedAt());
  }

  public static Instant of(Instant published, Instant ingested) {
    return published == null || published.isAfter(ingested) ? ingested : published;
  }
}
