package io.newsflow.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void nearestRankOfUnsortedMeasurements() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i; // 100, 99, ..., 1
    }
    Percentiles p = new Percentiles(values);

    assertThat(p.at(50)).isEqualTo(50);
    assertThat(p.at(95)).isEqualTo(95);
    assertThat(p.at(99)).isEqualTo(99);
    assertThat(p.at(100)).isEqualTo(100);
    assertThat(p.count()).isEqualTo(100);
  }

  @Test
  void aFewMeasurementsRoundTheRankUp() {
    Percentiles p = new Percentiles(new long[] {30, 10, 20});

    assertThat(p.at(50)).isEqualTo(20);
    assertThat(p.at(99)).isEqualTo(30);
    assertThat(p.at(1)).isEqualTo(10);
  }

  @Test
  void noMeasurementsIsAnError() {
    assertThatThrownBy(() -> new Percentiles(new long[0])).isInstanceOf(IllegalArgumentException.class);
  }
}
