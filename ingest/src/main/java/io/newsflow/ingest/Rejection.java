package io.newsflow.ingest;

import io.newsflow.platform.streams.DeadLetters;
import io.newsflow.schemas.avro.DeadLetter;
import java.time.Instant;
import java.util.Objects;

/**
 * Input that ingest could not turn into an article. Kept whole (the raw bytes) so that it can go to
 * the dead-letter topic and nothing is lost.
 *
 * @param origin  where: {@code path:line}, or just the path when there is no line (e.g. not found)
 * @param reason  category
 * @param message one line for a human; line breaks are folded into spaces
 * @param raw     the input as read (a JSON line, a whole file); empty when nothing could be read.
 *                Not copied: treat as read-only.
 */
public record Rejection(String origin, RejectionReason reason, String message, byte[] raw) {
  private static final byte[] NOTHING = new byte[0];

  public Rejection {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
    message = message == null ? "" : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    raw = raw == null ? NOTHING : raw;
  }

  /** The stage name ingest writes into its dead letters. */
  public static final String STAGE = "ingest";

  /** The dead letter of this rejection, read at {@code ingestedAt}. */
  public DeadLetter deadLetter(Instant ingestedAt) {
    return DeadLetters.fromInput(STAGE, reason.code(), message, origin, raw, ingestedAt);
  }

  /** The line a person reads: {@code path:line: reason: message}, like a compiler error. */
  public String describe() {
    return origin + ": " + reason.code() + ": " + message;
  }

  @Override
  public String toString() {
    return describe() + " (" + raw.length + " bytes)";
  }
}
