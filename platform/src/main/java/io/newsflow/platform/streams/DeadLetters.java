package io.newsflow.platform.streams;

import io.newsflow.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds dead letters: what failed, where it came from, and the original bytes so nothing is lost. */
public final class DeadLetters {
  /** Bigger originals are cut so the dead letter itself still fits in a record. */
  public static final int MAX_ORIGINAL_BYTES = 512 * 1024;

  private DeadLetters() {}

  public static DeadLetter fromRecord(String stage, String reason, Throwable error, String topic, int partition,
                                      long offset, long timestamp, byte[] key, byte[] value) {
    return DeadLetter.newBuilder()
        .setStage(stage)
        .setReason(reason)
        .setError(oneLine(error))
        .setExceptionClass(error == null ? null : error.getClass().getName())
        .setTopic(topic)
        .setPartition(partition)
        .setOffset(offset)
        .setKey(wrap(key))
        .setValue(wrap(value))
        .setTimestamp(Instant.ofEpochMilli(Math.max(0, timestamp)))
        .build();
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
