package io.newsflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayPacerTest {
  private static final Instant T0 = Instant.parse("1987-03-01T10:00:00Z");
  private long now = 5_000_000_000L;

  @Test
  void compressedTimeWaitsTheScaledDistanceFromTheFirstArticle() {
    ReplayPacer pacer = new ReplayPacer(ReplaySpeed.parse("1000x"), () -> now);
    assertThat(pacer.waitBefore(T0)).isZero();
    // 10 minutes of archive time is 600 ms at 1000x; 100 ms have passed
    now += 100_000_000L;
    assertThat(pacer.waitBefore(T0.plus(Duration.ofMinutes(10)))).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void timeLostToSlowWritesIsCaughtUpNotAddedUp() {
    ReplayPacer pacer = new ReplayPacer(ReplaySpeed.parse("60x"), () -> now);
    pacer.waitBefore(T0);
    // the second article was due after 1 s (1 minute / 60), but 3 s went by: no wait
    now += 3_000_000_000L;
    assertThat(pacer.waitBefore(T0.plus(Duration.ofMinutes(1)))).isZero();
    // the third is due 4 s after the start: 1 s from now, not 1 s after the late second one
    assertThat(pacer.waitBefore(T0.plus(Duration.ofMinutes(4)))).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void maxNeverWaits() {
    ReplayPacer pacer = new ReplayPacer(ReplaySpeed.MAX, () -> now);
    assertThat(pacer.waitBefore(T0)).isZero();
    assertThat(pacer.waitBefore(T0.plus(Duration.ofDays(30)))).isZero();
  }
}
