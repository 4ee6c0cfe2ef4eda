package io.newsflow.platform.streams;

/**
 * Thrown by a topology's own logic for input it must not process (empty body, oversized article):
 * {@link DeadLetterHandler} turns it into a dead letter with {@link #reason()} as its category.
 */
public class RejectedRecordException extends RuntimeException {
  private final String reason;

  public RejectedRecordException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Short machine-readable category, e.g. {@code empty-body}. */
  public String reason() {
    return reason;
  }
}
