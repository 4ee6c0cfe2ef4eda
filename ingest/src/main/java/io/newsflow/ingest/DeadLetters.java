package io.newsflow.ingest;

import io.newsflow.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Turns a {@link Rejection} into the {@link DeadLetter} record kept on the dead-letter topic. */
public final class DeadLetters {
  /** The stage name ingest writes into its dead letters. */
  public static final String STAGE = "ingest";

  private DeadLetters() {}

  /** The dead letter for {@code rejection}, read at {@code ingestedAt}; the input bytes travel whole. */
  public static DeadLetter from(Rejection rejection, Instant ingestedAt) {
    return DeadLetter.newBuilder()
        .setStage(STAGE)
        .setReason(rejection.reason().code())
        .setError(rejection.message())
        .setOrigin(rejection.origin())
        .setValue(rejection.raw().length == 0 ? null : ByteBuffer.wrap(rejection.raw()))
        .setTimestamp(ingestedAt.truncatedTo(ChronoUnit.MILLIS))
        .build();
  }
}
