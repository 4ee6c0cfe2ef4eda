package io.newsflow.ingest;

import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;

/**
 * Where ingest puts what it read: articles with their ingest-state record, and rejections as dead
 * letters. What is handed over becomes visible all together at {@link #commit()}, or not at all.
 * {@link RawArticlePublisher} is the Kafka one; tests use a recording one.
 */
public interface ArticleSink {
  /** Hands {@code article} and the {@code state} that says it was published over, to be written together. */
  void publish(RawArticle article, PublishedRevision state);

  /** Hands the dead letter of {@code rejection} over. */
  void reject(Rejection rejection, Instant ingestedAt);

  /**
   * Makes everything handed over since the last commit visible, atomically. False when it could not
   * (the error is logged) and none of it was written; the sink is then ready for the next batch.
   */
  boolean commit();
}
