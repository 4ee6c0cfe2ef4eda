package io.newsflow.schemas;

/** Headers the pipeline puts on its records, part of the contract like topic names: consumers may route by them. */
public final class HeaderNames {
  /** The article's source name (UTF-8). */
  public static final String SOURCE = "newsflow.source";
  /**
   * When ingest took the article, as an ISO-8601 instant (UTF-8), e.g. {@code 2024-03-01T10:15:30.123Z}.
   * Kafka Streams carries headers through enrich and the repartition, so aggregate still sees it.
   */
  public static final String INGESTED_AT = "newsflow.ingested-at";
  /**
   * On raw articles: the article's position in ingest's committed output, in decimal (UTF-8), counting from 0
   * across restarts. The order the pipeline decides stories in, whatever the partition count (ADR 31).
   */
  public static final String SEQUENCE = "newsflow.sequence";
  /**
   * On progress records of {@code news.articles.enriched} (null value): enrich has written every article of this
   * partition whose sequence is at most this one, in decimal (UTF-8). Subscribers skip records with a null value.
   */
  public static final String PROGRESS = "newsflow.progress";

  private HeaderNames() {}
}
