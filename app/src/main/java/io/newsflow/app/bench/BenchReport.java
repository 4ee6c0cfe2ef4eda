package io.newsflow.app.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints the results: a table of the stages with their ratio to the pass-through topology, the
 * latency at a fixed offered load, then {@code name: value} lines for scripts, last.
 */
public final class BenchReport {
  /** The stage every ratio is taken against. */
  public static final String REFERENCE = "passthrough";

  private BenchReport() {}

  public record Latency(double rate, long[] millis) {}

  public record Analysis(long articles, long tokens, long nanos) {
    double articlesPerSecond() {
      return articles * 1e9 / nanos;
    }

    double tokensPerSecond() {
      return tokens * 1e9 / nanos;
    }
  }

  /** {@code counts}: records each stage's output held, in the order they are to be printed. */
  public static void print(PrintStream out, String corpus, List<StageResult> stages, Latency latency,
                           Analysis analysis, List<Count> counts) {
    StageResult reference = stages.stream().filter(s -> s.key().equals(REFERENCE)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + REFERENCE + " stage"));
    Percentiles p = new Percentiles(latency.millis());
    out.println("corpus: " + corpus);
    out.printf(Locale.ROOT, "%-34s %12s %9s %16s%n", "stage", "articles/s", "MB/s", "vs pass-through");
    for (StageResult s : stages) {
      out.printf(Locale.ROOT, "%-34s %,12.0f %9.2f %15.2fx%n", s.label(), s.articlesPerSecond(),
          s.megabytesPerSecond(), s.articlesPerSecond() / reference.articlesPerSecond());
    }
    for (StageResult s : stages) {
      if (s.hasStreamThreadCpu()) {
        out.printf(Locale.ROOT, "%-34s %.3f ms of stream-thread CPU per article (%,.0f articles per CPU-second)%n",
            s.label(), s.streamThreadCpuMillisPerArticle(), 1000 / s.streamThreadCpuMillisPerArticle());
      }
    }
    out.printf(Locale.ROOT, "%-34s %,12.0f %9s %16s   (%,.0f tokens/s, one thread, no Kafka)%n",
        "analysis (ArticleAnalyzer)", analysis.articlesPerSecond(), "", "", analysis.tokensPerSecond());
    out.printf(Locale.ROOT, "end-to-end latency at %.0f articles/s offered (%d articles): p50 %d ms, p95 %d ms, p99 %d ms%n",
        latency.rate(), p.count(), p.at(50), p.at(95), p.at(99));
    out.println();
    for (StageResult s : stages) {
      out.printf(Locale.ROOT, "%s-articles-per-s: %.1f%n", s.key(), s.articlesPerSecond());
      out.printf(Locale.ROOT, "%s-mb-per-s: %.3f%n", s.key(), s.megabytesPerSecond());
      if (s.hasStreamThreadCpu()) {
        out.printf(Locale.ROOT, "%s-thread-cpu-ms-per-article: %.3f%n", s.key(), s.streamThreadCpuMillisPerArticle());
      }
    }
    for (StageResult s : stages) {
      if (!s.key().equals(REFERENCE)) {
        out.printf(Locale.ROOT, "%s-vs-passthrough: %.3f%n", s.key(), s.articlesPerSecond() / reference.articlesPerSecond());
      }
    }
    out.printf(Locale.ROOT, "analysis-articles-per-s: %.1f%n", analysis.articlesPerSecond());
    out.printf(Locale.ROOT, "analysis-tokens-per-s: %.0f%n", analysis.tokensPerSecond());
    out.printf(Locale.ROOT, "latency-offered-articles-per-s: %.1f%n", latency.rate());
    out.printf(Locale.ROOT, "latency-articles: %d%n", p.count());
    out.printf(Locale.ROOT, "latency-p50-ms: %d%n", p.at(50));
    out.printf(Locale.ROOT, "latency-p95-ms: %d%n", p.at(95));
    out.printf(Locale.ROOT, "latency-p99-ms: %d%n", p.at(99));
    for (Count c : counts) {
      out.printf(Locale.ROOT, "%s: %d%n", c.name(), c.value());
    }
    out.flush();
  }

  /** A whole number the run counted, printed as {@code name: value}. */
  public record Count(String name, long value) {}
}
