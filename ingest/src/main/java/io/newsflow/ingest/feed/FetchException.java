package io.newsflow.ingest.feed;

import io.newsflow.ingest.RejectionReason;
import java.util.Objects;

/** A fetch that brought nothing usable; {@link #reason()} says which kind of failure for the dead letter. */
public final class FetchException extends Exception {
  private final RejectionReason reason;

  public FetchException(RejectionReason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectionReason reason() {
    return reason;
  }
}
