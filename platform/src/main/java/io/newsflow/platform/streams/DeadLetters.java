package io.newsflow.platform.streams;

import io.newsflow.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Builds every stage's dead letters: what failed, where it came from, and the original bytes so nothing
 * is lost. Originals beyond {@link #MAX_ORIGINAL_BYTES} are cut, with their size kept, so the dead letter
 * itself stays within the broker's default record size (1 MiB) however large the rejected input was.
 */
public final class DeadLetters {
  /** Bigger originals are cut so the dead letter itself still fits in a record. */
  public static final int MAX_ORIGINAL_BYTES = 512 * 1024;

  private DeadLetters() {}

  /** A record read from {@code topic} that {@code stage} could not process. */
  public static DeadLetter fromRecord(String stage, String reason, Throwable error, String topic, int partition,
                                      long offset, long timestamp, byte[] key, byte[] value) {
    return withValue(DeadLetter.newBuilder(), value)
        .setStage(stage)
        .setReason(reason)
        .setError(oneLine(error))
        .setExceptionClass(error == null ? null : error.getClass().getName())
        .setTopic(topic)
        .setPartition(partition)
        .setOffset(offset)
        .setKey(wrap(key))
        .setTimestamp(Instant.ofEpochMilli(Math.max(0, timestamp)))
        .build();
  }

  /**
   * Input from outside Kafka (a file, a line, a request body) that {@code stage} could not process, read at
   * {@code readAt}; {@code value} empty when nothing could be read.
   */
  public static DeadLetter fromInput(String stage, String reason, String error, String origin, byte[] value,
                                     Instant readAt) {
    return withValue(DeadLetter.newBuilder(), value == null || value.length == 0 ? null : value)
        .setStage(stage)
        .setReason(reason)
        .setError(error)
        .setOrigin(origin)
        .setTimestamp(readAt.truncatedTo(ChronoUnit.MILLIS))
        .build();
  }

  private static DeadLetter.Builder withValue(DeadLetter.Builder letter, byte[] value) {
    return letter.setValue(wrap(value))
        .setOriginalValueSize(value != null && value.length > MAX_ORIGINAL_BYTES ? (long) value.length : null);
  }

  /** The message of {@code error} and its causes on one line. */
  public static String oneLine(Throwable error) {
    if (error == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (Throwable t = error; t != null && b.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
      if (b.length() > 0) {
        b.append(" <- ");
      }
      b.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replace('\n', ' '));
    }
    return b.toString();
  }

  static ByteBuffer wrap(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    int length = Math.min(bytes.length, MAX_ORIGINAL_BYTES);
    return ByteBuffer.wrap(bytes, 0, length).slice();
  }
}
