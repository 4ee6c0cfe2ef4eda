package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void healthyFeedWaitsItsInterval() {
    assertThat(Backoff.delay(FIVE_MINUTES, 0, HOUR)).isEqualTo(FIVE_MINUTES);
  }

  @Test
  void eachFailureDoublesTheWaitUpToTheCap() {
    assertThat(Backoff.delay(FIVE_MINUTES, 1, HOUR)).isEqualTo(Duration.ofMinutes(10));
    assertThat(Backoff.delay(FIVE_MINUTES, 2, HOUR)).isEqualTo(Duration.ofMinutes(20));
    assertThat(Backoff.delay(FIVE_MINUTES, 3, HOUR)).isEqualTo(Duration.ofMinutes(40));
    assertThat(Backoff.delay(FIVE_MINUTES, 4, HOUR)).isEqualTo(HOUR);
    assertThat(Backoff.delay(FIVE_MINUTES, 1_000, HOUR)).as("no overflow").isEqualTo(HOUR);
  }

  @Test
  void aFeedPolledLessOftenThanTheCapIsNeverPolledMoreOftenBecauseItFails() {
    assertThat(Backoff.delay(Duration.ofHours(6), 3, HOUR)).isEqualTo(Duration.ofHours(6));
  }
}
