package io.newsflow.platform.metrics;

/**
 * Names of the pipeline's own meters, in Micrometer's dotted form ({@code /metrics} shows
 * {@code newsflow.enrich.articles} as {@code newsflow_enrich_articles_total}). The services record
 * them and the dashboard reads them back, so both sides use these constants.
 */
public final class MeterNames {
  /** Counter, tag {@code outcome} = published | unchanged. */
  public static final String INGEST_ARTICLES = "newsflow.ingest.articles";
  /** Counter, tag {@code reason}. */
  public static final String INGEST_REJECTED = "newsflow.ingest.rejected";
  /** Counter of articles enrich analysed and passed on. */
  public static final String ENRICH_ARTICLES = "newsflow.enrich.articles";
  /** Counter of articles aggregate assigned to a story, tag {@code role}. */
  public static final String AGGREGATE_ARTICLES = "newsflow.aggregate.articles";
  /** Counter of story events emitted, tag {@code type}. */
  public static final String STORY_EVENTS = "newsflow.story.events";
  /** Gauge of stories not closed yet, summed over the aggregate tasks of this process. */
  public static final String STORIES_ACTIVE = "newsflow.stories.active";
  /** Counter of stories closed after their idle period. */
  public static final String STORIES_CLOSED = "newsflow.stories.closed";
  /** Timer (histogram) of the time aggregate spends deciding one article's story. */
  public static final String ASSIGNMENT_LATENCY = "newsflow.assignment.latency";
  /** Summary in milliseconds (histogram) from ingest ({@code from=ingest}) or publication ({@code from=publication}) to the article's story event. */
  public static final String END_TO_END_LATENCY = "newsflow.end.to.end.latency";
  /** Counter, tags {@code stage} and {@code reason}. */
  public static final String DEAD_LETTERS = "newsflow.deadletters";
  /** Gauges per {@code group}, {@code topic}, {@code partition}. */
  public static final String LAG_RECORDS = "newsflow_consumer_lag_records";
  public static final String LAG_SECONDS = "newsflow_consumer_lag_seconds";

  private MeterNames() {}
}
