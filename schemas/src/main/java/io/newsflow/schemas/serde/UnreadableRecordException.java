package io.newsflow.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record whose bytes cannot be read, for a reason that retrying will not change; {@link #reason()}
 * names the kind, for dead letters and their metric.
 */
public class UnreadableRecordException extends SerializationException {
  /** Not the Confluent wire format: shorter than its header, or no magic byte 0. */
  public static final String NOT_WIRE_FORMAT = "not-wire-format";
  /** The schema id in the header is not one the registry knows. */
  public static final String UNKNOWN_SCHEMA = "unknown-schema";
  /** The Avro body is cut short, has trailing bytes, or does not match the writer's schema. */
  public static final String MALFORMED_AVRO = "malformed-avro";
  /** A topic keyed by id got a record with a null or empty key. */
  public static final String MISSING_KEY = "missing-key";

  private final String reason;

  public UnreadableRecordException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public UnreadableRecordException(String reason, String message) {
    this(reason, message, null);
  }

  public String reason() {
    return reason;
  }
}
