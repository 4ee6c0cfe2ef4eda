package io.newsflow.ingest;

/**
 * Receives what a source reads, one item at a time, so that a source never holds a whole archive in
 * memory. Called on the reading thread, in input order.
 */
public interface SourceListener {
  void article(IncomingArticle article);

  void rejected(Rejection rejection);

  /** {@code count} more bytes of the input were consumed; for load progress only, so ignored by default. */
  default void bytesRead(long count) {}
}
