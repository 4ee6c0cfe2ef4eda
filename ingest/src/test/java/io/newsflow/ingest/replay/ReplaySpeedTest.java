package io.newsflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplaySpeedTest {
  @Test
  void readsMaxRealtimeAndFactors() {
    assertThat(ReplaySpeed.parse("max").paced()).isFalse();
    assertThat(ReplaySpeed.parse("realtime").factor()).isEqualTo(1.0);
    assertThat(ReplaySpeed.parse("1000x").factor()).isEqualTo(1000.0);
    assertThat(ReplaySpeed.parse(" 0.5X ").factor()).isEqualTo(0.5);
    assertThat(ReplaySpeed.parse("60x")).hasToString("60x");
  }

  @Test
  void scalesArchiveTimeToWallTime() {
    assertThat(ReplaySpeed.parse("1000x").wallTime(Duration.ofMinutes(10))).isEqualTo(Duration.ofMillis(600));
    assertThat(ReplaySpeed.parse("realtime").wallTime(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    assertThat(ReplaySpeed.parse("max").wallTime(Duration.ofDays(300))).isEqualTo(Duration.ZERO);
  }

  @Test
  void refusesAnythingElseNamingTheAcceptedForms() {
    for (String bad : new String[] {"fast", "0x", "-2x", "x", "1000", "infinityx", ""}) {
      assertThatThrownBy(() -> ReplaySpeed.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("speed must be max, realtime or a positive factor such as 1000x, got '" + bad + "'");
    }
  }
}
