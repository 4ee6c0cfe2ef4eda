package io.newsflow.ingest.feed;

/** A feed list that cannot be used; the message is one line, {@code file:line: problem}. */
public final class FeedListException extends Exception {
  public FeedListException(String message) {
    super(message);
  }
}
