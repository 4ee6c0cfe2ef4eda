package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow bench} on a small generated corpus, on its own local broker, as a user runs it. */
class BenchCommandIT {
  private static final int ARTICLES = 300;
  private static final List<String> STAGES = List.of("kafka", "passthrough", "ingest", "enrich", "aggregate", "end-to-end");

  @TempDir Path dir;

  @Test
  void measuresEveryStageOnTheSameRecordsAndEndsWithNameValueLines() throws Exception {
    // When
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path chart = dir.resolve("charts/bench.svg");
    int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        "bench", "--articles", String.valueOf(ARTICLES), "--rate", "40", "--latency-seconds", "3",
        "--data-dir", dir.resolve("data").toString(), "--chart", chart.toString());

    // Then: a table with every stage, then name: value lines
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
    List<String> lines = stdout.lines().toList();
    assertThat(lines.get(1)).contains("stage", "articles/s", "MB/s", "vs pass-through");
    assertThat(stdout).contains("enrich", "aggregate", "end to end", "streams pass-through", "latency at 40 articles/s");
    int blank = lines.indexOf("");
    Map<String, Double> values = new LinkedHashMap<>();
    for (String line : lines.subList(blank + 1, lines.size())) {
      assertThat(line).matches("[a-z0-9-]+: [0-9.]+");
      values.put(line.substring(0, line.indexOf(':')), Double.parseDouble(line.substring(line.indexOf(':') + 2)));
    }

    // every stage measured something, compared with the pass-through
    for (String stage : STAGES) {
      assertThat(values.get(stage + "-articles-per-s")).as(stage).isPositive();
      assertThat(values.get(stage + "-mb-per-s")).as(stage).isPositive();
    }
    assertThat(values.get("enrich-vs-passthrough"))
        .isCloseTo(values.get("enrich-articles-per-s") / values.get("passthrough-articles-per-s"),
            org.assertj.core.data.Offset.offset(0.01));
    assertThat(values.get("analysis-articles-per-s")).isPositive();
    assertThat(values.get("analysis-tokens-per-s")).isGreaterThan(values.get("analysis-articles-per-s"));

    // every record is accounted for at every stage
    assertThat(values.get("articles")).isEqualTo(ARTICLES);
    for (String count : List.of("kafka-records", "ingest-records", "passthrough-records", "enrich-records",
        "aggregate-assigned-articles", "end-to-end-assigned-articles")) {
      assertThat(values.get(count)).as(count).isEqualTo(ARTICLES);
    }
    assertThat(values.get("aggregate-stories")).isBetween(2.0, ARTICLES - 1.0);
    assertThat(values.get("deadletters")).isZero();

    // latency: 40 articles/s for 3 s, every one seen in a story event
    assertThat(values.get("latency-articles")).isEqualTo(120);
    assertThat(values.get("latency-p50-ms")).isLessThanOrEqualTo(values.get("latency-p95-ms"));
    assertThat(values.get("latency-p95-ms")).isLessThanOrEqualTo(values.get("latency-p99-ms"));
    assertThat(values.get("latency-p99-ms")).isPositive();

    // the chart has a bar per stage; the run's broker data is gone
    String svg = Files.readString(chart);
    assertThat(svg).startsWith("<svg");
    assertThat(svg.split("<rect ", -1)).hasSize(1 + 1 + STAGES.size());
    assertThat(dir.resolve("data/bench")).isEmptyDirectory();
  }

  @Test
  void growthReplayPrintsASliceEveryMArticlesWithTheAggregatesCpuAndStores() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        "bench", "--articles", "300", "--growth-every", "100", "--data-dir", dir.resolve("data").toString());

    String stdout = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
    List<String> lines = stdout.lines().toList();
    String header = lines.stream().filter(l -> l.startsWith("| articles assigned |")).findFirst().orElseThrow();
    assertThat(header).contains("story-member-store", "story-state-store", "document-window-store");
    List<String> rows = lines.stream().filter(l -> l.matches("\\| [0-9,]+ \\| [0-9]+ \\|.*")).toList();
    // a row at the first look past each 100 articles assigned; the last when all 300 are
    assertThat(rows).hasSizeBetween(1, 3);
    assertThat(rows.get(rows.size() - 1)).startsWith("| 300 |");
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("growth-first-slice-cpu-us: [1-9][0-9]*"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("growth-last-vs-first: [0-9]+\\.[0-9]{2}"));
    assertThat(dir.resolve("data/bench")).isEmptyDirectory();
  }

  @Test
  void aGrowthReplayOfACorpusIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
        "bench", "--growth-every", "100", "--corpus", dir.toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("--growth-every", "--corpus");
  }

  @Test
  void wrongFlagsGiveOneLineAndExitCode2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
        "bench", "--rate", "fast");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("--rate", "fast");
  }

  @Test
  void aCorpusThatDoesNotExistIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
        "bench", "--corpus", dir.resolve("nothing-here").toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("nothing-here");
  }
}
