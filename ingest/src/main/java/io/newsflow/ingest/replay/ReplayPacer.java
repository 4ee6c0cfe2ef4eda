package io.newsflow.ingest.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * When each article of a paced replay is due on the wall clock: the first article at once, every
 * later one at the start plus its publication-time distance from the first, divided by the speed.
 * Due times are absolute, so time lost to slow writes is caught up instead of adding up.
 * Pacing lives here, in the publisher; topologies only ever see the records' own timestamps.
 */
public final class ReplayPacer {
  private final ReplaySpeed speed;
  private final LongSupplier nanoTime;
  private Instant firstEvent;
  private long startNanos;

  /** {@code nanoTime}: a monotonic clock, {@link System#nanoTime} outside tests. */
  public ReplayPacer(ReplaySpeed speed, LongSupplier nanoTime) {
    this.speed = speed;
    this.nanoTime = nanoTime;
  }

  /** How long to wait before publishing the article published at {@code eventTime}; zero when it is due. */
  public Duration waitBefore(Instant eventTime) {
    if (!speed.paced()) {
      return Duration.ZERO;
    }
    long now = nanoTime.getAsLong();
    if (firstEvent == null) {
      firstEvent = eventTime;
      startNanos = now;
      return Duration.ZERO;
    }
    Duration sinceFirst = Duration.between(firstEvent, eventTime);
    long due = startNanos + speed.wallTime(sinceFirst).toNanos();
    return due > now ? Duration.ofNanos(due - now) : Duration.ZERO;
  }
}
