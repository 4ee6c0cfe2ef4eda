package io.newsflow.ingest;

import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;

/**
 * Where ingest puts what it read: articles to the raw topic, rejections to the dead-letter topic.
 * {@link RawArticlePublisher} is the Kafka one; tests use a recording one.
 */
public interface ArticleSink {
  /** Hands {@code article} over for delivery; may return before it is delivered. */
  void publish(RawArticle article);

  /** Hands the dead letter of {@code rejection} over for delivery. */
  void reject(Rejection rejection, Instant ingestedAt);

  /** Blocks until everything handed over so far is delivered or has failed. */
  void flush();

  /** How many records handed over so far could not be delivered (each one's error was reported). */
  long failedDeliveries();
}
