package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeTest {
  private static final Instant INGESTED = Instant.parse("2025-01-15T08:00:00.123Z");

  @Test
  void publicationTimeUnlessMissingOrAfterIngest() {
    Instant published = Instant.parse("2024-03-01T10:15:30Z");
    assertThat(EventTime.of(published, INGESTED)).isEqualTo(published);
    assertThat(EventTime.of(null, INGESTED)).isEqualTo(INGESTED);
    assertThat(EventTime.of(INGESTED.plusMillis(1), INGESTED)).as("a millisecond after ingest").isEqualTo(INGESTED);
    assertThat(EventTime.of(INGESTED, INGESTED)).isEqualTo(INGESTED);
  }
}
