package io.newsflow.ingest.feed;

import java.time.Duration;

/**
 * When to poll a feed again: its interval while healthy; after {@code n} failures in a row, the
 * interval times 2^n, but never more than the cap (or the interval, if that is longer), so that a
 * broken feed is retried less and less often yet still recovers by itself.
 */
final class Backoff {
  private Backoff() {}

  static Duration delay(Duration interval, int consecutiveFailures, Duration cap) {
    if (consecutiveFailures <= 0) {
      return interval;
    }
    Duration ceiling = cap.compareTo(interval) > 0 ? cap : interval;
    // 2^30 times any interval is beyond any sensible cap; stopping there avoids overflow.
    int doublings = Math.min(consecutiveFailures, 30);
    Duration grown = interval.multipliedBy(1L << doublings);
    return grown.compareTo(ceiling) > 0 ? ceiling : grown;
  }
}
