package io.newsflow.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  private static final List<StageResult> STAGES = List.of(
      new StageResult("kafka", "kafka producer -> consumer", 1000, 3_000_000, 100_000_000L),
      new StageResult("passthrough", "streams pass-through (EOS v2)", 1000, 3_000_000, 200_000_000L),
      new StageResult("enrich", "enrich", 1000, 3_000_000, 2_000_000_000L, 1_500_000_000L));

  @Test
  void ratiosAreTakenAgainstThePassThroughAndTheLastLinesAreNameValue() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BenchReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "test", STAGES,
        new BenchReport.Latency(500, new long[] {40, 10, 30, 20}), new BenchReport.Analysis(100, 50_000, 1_000_000_000L),
        List.of(new BenchReport.Count("articles", 1000)));
    List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));

    assertThat(lines).anySatisfy(l -> assertThat(l).matches("enrich\\s+500\\s+1\\.50\\s+0\\.10x"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("p50 20 ms, p95 40 ms, p99 40 ms"));
    int blank = lines.indexOf("");
    List<String> machine = lines.subList(blank + 1, lines.size());
    assertThat(machine).allSatisfy(l -> assertThat(l).matches("[a-z0-9-]+: -?[0-9.]+"));
    assertThat(machine).contains("enrich-articles-per-s: 500.0", "kafka-vs-passthrough: 2.000",
        "enrich-vs-passthrough: 0.100", "analysis-articles-per-s: 100.0", "analysis-tokens-per-s: 50000",
        "latency-p99-ms: 40", "articles: 1000", "enrich-thread-cpu-ms-per-article: 1.500");
    assertThat(machine).noneMatch(l -> l.startsWith("kafka-thread-cpu"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("1.500 ms of stream-thread CPU per article (667 articles per CPU-second)"));
  }

  @Test
  void theChartHasOneBarPerStageScaledToTheFastest() {
    String svg = BarChart.svg("bench <test>", STAGES, BenchReport.REFERENCE);

    assertThat(svg).startsWith("<svg").contains("bench &lt;test&gt;");
    assertThat(svg).contains("width=\"420.0\"", "width=\"210.0\"", "width=\"21.0\"");
    assertThat(svg).contains("fill=\"#888888\"");
  }
}
