package io.newsflow.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.app.bench.GrowthReplay.GrowthSlice;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrowthReportTest {
  @Test
  void aRowPerSliceWithEveryStoreAndTheLastSliceAgainstTheFirst() {
    List<GrowthSlice> slices = List.of(
        new GrowthSlice(100_000, 1_200_000, Map.of("story-state-store", 2_500_000L), Map.of("story-state-store", 900L)),
        new GrowthSlice(200_000, 900_000, Map.of("story-state-store", 3_000_000L, "document-window-store", 1_000_000L),
            Map.of("story-state-store", 1_100L)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    GrowthReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), 200_000, 7, slices);
    List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));

    assertThat(lines).contains(
        "| articles assigned | aggregate CPU per article (µs) | document-window-store MB (keys) | story-state-store MB (keys) |",
        "| 100,000 | 1200 | 0.0 (0) | 2.5 (900) |",
        "| 200,000 | 900 | 1.0 (0) | 3.0 (1,100) |",
        "growth-first-slice-cpu-us: 1200",
        "growth-last-slice-cpu-us: 900",
        "growth-last-vs-first: 0.75");
  }
}
