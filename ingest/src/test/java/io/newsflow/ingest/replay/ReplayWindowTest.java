package io.newsflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {
  @Test
  void datesAreMidnightUtcFromInclusiveToExclusive() {
    ReplayWindow march1 = ReplayWindow.parse("1987-03-01", "1987-03-02");
    assertThat(march1.contains(Instant.parse("1987-02-28T23:59:59.999Z"))).isFalse();
    assertThat(march1.contains(Instant.parse("1987-03-01T00:00:00Z"))).isTrue();
    assertThat(march1.contains(Instant.parse("1987-03-01T23:59:59.999Z"))).isTrue();
    assertThat(march1.contains(Instant.parse("1987-03-02T00:00:00Z"))).isFalse();
  }

  @Test
  void instantsAndOpenBounds() {
    ReplayWindow afterNoon = ReplayWindow.parse("1987-03-01T12:00:00Z", null);
    assertThat(afterNoon.contains(Instant.parse("1987-03-01T11:59:59Z"))).isFalse();
    assertThat(afterNoon.contains(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
    assertThat(ReplayWindow.parse(" ", "").isAll()).isTrue();
    assertThat(ReplayWindow.ALL.contains(Instant.EPOCH)).isTrue();
  }

  @Test
  void refusesUnreadableOrEmptyWindows() {
    assertThatThrownBy(() -> ReplayWindow.parse("March 1st", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--from must be a date (1987-03-01) or an instant (1987-03-01T12:00:00Z), got 'March 1st'");
    assertThatThrownBy(() -> ReplayWindow.parse(null, "1987-13-01")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--to must be a date");
    assertThatThrownBy(() -> ReplayWindow.parse("1987-03-02", "1987-03-01")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--from 1987-03-02T00:00:00Z must be before --to 1987-03-01T00:00:00Z");
  }
}
