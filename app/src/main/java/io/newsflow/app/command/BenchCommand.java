package io.newsflow.app.command;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.bench.BarChart;
import io.newsflow.app.bench.BenchRecords;
import io.newsflow.app.bench.BenchReport;
import io.newsflow.app.bench.CorpusFiles;
import io.newsflow.app.bench.CorpusGenerator;
import io.newsflow.app.bench.GeneratedArticle;
import io.newsflow.app.bench.GrowthReplay;
import io.newsflow.app.bench.GrowthReport;
import io.newsflow.app.bench.PipelineBench;
import io.newsflow.app.bench.StageResult;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.options.ClusterOptions;
import io.newsflow.app.options.IdleTimeoutOption;
import io.newsflow.enrich.text.Analysis;
import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.DeadLetterHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow bench}: the same articles through plain Kafka clients, a pass-through topology,
 * ingest, enrich, aggregate and the whole pipeline, on one broker in one run, so each stage can be
 * read as a ratio to what the engine itself manages on this machine at this moment.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Measures the throughput of every stage against a pass-through Kafka Streams topology, "
        + "and end-to-end latency at a fixed offered load, on a local broker of its own (or the given cluster, "
        + "in topics of its own, deleted afterwards). Progress goes to stderr, results to stdout; "
        + "the last lines are 'name: value'."})
public final class BenchCommand implements Callable<Integer> {
  static final int DEFAULT_ARTICLES = 10_000;
  private static final int WARM_UP_ARTICLES = 200;

  @Mixin ClusterOptions cluster;

  @Option(names = "--articles", paramLabel = "N",
      description = "Articles to benchmark (default " + DEFAULT_ARTICLES + " generated, or all of --corpus).")
  Integer articles;

  @Option(names = "--corpus", paramLabel = "PATH",
      description = "Read articles as ingest does (folder, .txt, .jsonl, .sgm, ...) instead of generating them.")
  Path corpus;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "500",
      description = "Offered load of the latency phase, articles/s (default ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--latency-seconds", paramLabel = "S", defaultValue = "20",
      description = "Length of the latency phase, bounded by the articles there are (default ${DEFAULT-VALUE}).")
  int latencySeconds;

  @Option(names = "--seed", defaultValue = "20261122", description = "Seed of the generated corpus (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--chart", paramLabel = "FILE",
      description = "Where to write the SVG bar chart of articles/s per stage (default <data-dir>/bench.svg).")
  Path chart;

  @Option(names = "--growth-every", paramLabel = "M",
      description = "Instead of the stage comparison: replay --articles generated articles through the whole pipeline "
          + "and print, every M articles the aggregate assigns, its stream-thread CPU per article over that slice "
          + "and the size of each of its stores.")
  Long growthEvery;

  @Mixin IdleTimeoutOption idleTimeout;

  private final PrintStream out;
  private final PrintStream err;

  public BenchCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    validate();
    NewsflowConfig config = cluster.load();
    Path dataDir = Path.of(config.require(NewsflowConfig.DATA_DIR));
    if (growthEvery != null) {
      return growth(config, dataDir);
    }
    Path chartFile = chart != null ? chart : dataDir.resolve("bench.svg");
    String corpusName;
    List<IncomingArticle> input;
    if (corpus == null) {
      int n = articles == null ? DEFAULT_ARTICLES : articles;
      input = new CorpusGenerator(seed).generate(n).stream().map(GeneratedArticle::article).toList();
      corpusName = String.format(Locale.ROOT, "generated, %d articles, seed %d", n, seed);
    } else {
      input = CorpusFiles.read(corpus, articles == null ? Integer.MAX_VALUE : articles, err);
      if (input.isEmpty()) {
        throw new UsageProblem("--corpus " + corpus + " holds no article ingest can read");
      }
      corpusName = String.format(Locale.ROOT, "%s, %d articles", corpus, input.size());
    }

    BenchReport.Analysis analysis = analyse(input);
    long deadLettersBefore = DeadLetterHandler.count(); // a process-wide count: only this run's are reported

    Path runDir = dataDir.resolve("bench").resolve("run-" + UUID.randomUUID().toString().substring(0, 8));
    config = localPortsIfStarting(config).with(NewsflowConfig.DATA_DIR, runDir.toString());
    String prefix = "newsflow-bench-" + runDir.getFileName().toString().substring("run-".length());
    List<StageResult> stages = new ArrayList<>();
    List<BenchReport.Count> counts = new ArrayList<>();
    long[] latencies;
    try (Cluster c = Cluster.startOrConnect(config)) {
      PipelineBench bench = new PipelineBench(c.config(), prefix, err, idleTimeout.get());
      try {
        latencies = runStages(bench, input, stages, counts);
      } finally {
        c.deleteNamespace(prefix);
      }
    } finally {
      deleteTree(runDir);
    }
    counts.add(new BenchReport.Count("deadletters", DeadLetterHandler.count() - deadLettersBefore));

    List<StageResult> ordered = orderForTable(stages);
    Files.createDirectories(chartFile.toAbsolutePath().getParent());
    Files.writeString(chartFile, BarChart.svg("newsflow bench: " + corpusName, ordered, BenchReport.REFERENCE));
    err.println("bench: chart written to " + chartFile);
    BenchReport.print(out, corpusName, ordered, new BenchReport.Latency(rate, latencies), analysis, counts);
    return ExitCodes.OK;
  }

  private long[] runStages(PipelineBench bench, List<IncomingArticle> input, List<StageResult> stages,
                           List<BenchReport.Count> counts) throws Exception {
    try (Cluster first = bench.namespace("stages")) {
      BenchRecords records = BenchRecords.of(input, first.topics().raw(), Instant.now());
      counts.add(new BenchReport.Count("articles", records.size()));
      if (records.repeatedIds > 0) {
        err.printf("bench: %d articles left out: their id (URL or source + guid) repeats an earlier one%n", records.repeatedIds);
      }
      err.printf(Locale.ROOT, "bench: %d articles, %.1f MB serialized%n", records.size(), records.bytes / 1e6);

      AtomicLong consumed = new AtomicLong();
      stages.add(report(bench.kafka(first, records, consumed)));
      counts.add(new BenchReport.Count("kafka-records", consumed.get()));
      stages.add(report(bench.ingest(first, records, "bench")));
      counts.add(new BenchReport.Count("ingest-records", bench.count(first, first.topics().raw().name(), records.size()).keys()));
      stages.add(report(bench.passThrough(first, records)));
      counts.add(new BenchReport.Count("passthrough-records", bench.count(first, bench.copyTopic(), records.size()).keys()));
      stages.add(report(bench.enrich(first, records)));
      counts.add(new BenchReport.Count("enrich-records", bench.count(first, first.topics().enriched().name(), records.size()).keys()));
      stages.add(report(bench.aggregate(first, records)));
      counts.add(new BenchReport.Count("aggregate-assigned-articles",
          bench.count(first, first.topics().assignments().name(), records.size()).keys()));
      counts.add(new BenchReport.Count("aggregate-stories", bench.count(first, first.topics().storySnapshots().name(), Long.MAX_VALUE).keys()));

      try (Cluster whole = bench.namespace("pipeline")) {
        stages.add(report(bench.endToEnd(whole, records)));
        counts.add(new BenchReport.Count("end-to-end-assigned-articles",
            bench.count(whole, whole.topics().assignments().name(), records.size()).keys()));
      }
      int latencyArticles = (int) Math.min(records.size(), Math.max(1, Math.round(rate * latencySeconds)));
      err.printf(Locale.ROOT, "bench: latency: %d articles at %.0f articles/s offered%n", latencyArticles, rate);
      try (Cluster timed = bench.namespace("latency")) {
        return bench.latency(timed, records.articles.subList(0, latencyArticles), rate);
      }
    }
  }

  /** {@code --growth-every}: articles generated as they are published, so a million need no memory of their own. */
  private int growth(NewsflowConfig config, Path dataDir) throws Exception {
    long total = articles == null ? DEFAULT_ARTICLES : articles;
    Path runDir = dataDir.resolve("bench").resolve("growth-" + UUID.randomUUID().toString().substring(0, 8));
    config = localPortsIfStarting(config).with(NewsflowConfig.DATA_DIR, runDir.toString());
    String prefix = "newsflow-bench-" + runDir.getFileName();
    err.printf(Locale.ROOT, "bench: growth: %,d generated articles (seed %d), a slice every %,d%n", total, seed, growthEvery);
    List<GrowthReplay.GrowthSlice> slices;
    try (Cluster c = Cluster.startOrConnect(config)) {
      PipelineBench bench = new PipelineBench(c.config(), prefix, err, idleTimeout.get());
      try (Cluster whole = bench.namespace("growth")) {
        Iterator<GeneratedArticle> generated = new CorpusGenerator(seed).articles(total);
        Iterator<IncomingArticle> input = new Iterator<>() {
          @Override public boolean hasNext() {
            return generated.hasNext();
          }

          @Override public IncomingArticle next() {
            return generated.next().article();
          }
        };
        slices = new GrowthReplay(whole, err, idleTimeout.get()).run(input, total, growthEvery);
      } finally {
        c.deleteNamespace(prefix);
      }
    } finally {
      deleteTree(runDir);
    }
    GrowthReport.print(out, total, seed, slices);
    return ExitCodes.OK;
  }

  private static NewsflowConfig localPortsIfStarting(NewsflowConfig config) {
    return config.get(NewsflowConfig.BOOTSTRAP_SERVERS).isEmpty()
        ? config.with("local.kafka.port", "0").with("local.schema-registry.port", "0") : config;
  }

  private StageResult report(StageResult stage) {
    err.printf(Locale.ROOT, "bench: %s: %d articles in %.2f s, %,.0f articles/s%n", stage.label(), stage.articles(),
        stage.seconds(), stage.articlesPerSecond());
    return stage;
  }

  /** Single-thread analysis, no Kafka: a warm-up on the first articles, then the whole corpus timed. */
  private BenchReport.Analysis analyse(List<IncomingArticle> input) {
    ArticleAnalyzer analyzer = new ArticleAnalyzer();
    err.printf("bench: analysis: %d articles, one thread%n", input.size());
    for (IncomingArticle a : input.subList(0, Math.min(WARM_UP_ARTICLES, input.size()))) {
      analyzeOrNull(analyzer, a);
    }
    long tokens = 0;
    long analysed = 0;
    long start = System.nanoTime();
    for (IncomingArticle a : input) {
      Analysis analysis = analyzeOrNull(analyzer, a);
      if (analysis != null) {
        tokens += analysis.wordCount();
        analysed++;
      }
    }
    long nanos = System.nanoTime() - start;
    if (analysed < input.size()) {
      err.printf("bench: analysis: %d articles have no text left after cleaning (enrich makes them dead letters)%n",
          input.size() - analysed);
    }
    BenchReport.Analysis result = new BenchReport.Analysis(analysed, tokens, nanos);
    err.printf(Locale.ROOT, "bench: analysis: %.2f s%n", nanos / 1e9);
    return result;
  }

  private static Analysis analyzeOrNull(ArticleAnalyzer analyzer, IncomingArticle a) {
    try {
      return analyzer.analyze(a.title(), a.body(), a.isHtml());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void validate() {
    if (articles != null && articles < 1) {
      throw new UsageProblem("--articles must be at least 1, got " + articles);
    }
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new UsageProblem("--rate must be a positive number of articles per second, got " + rate);
    }
    if (growthEvery != null && (growthEvery < 1 || corpus != null)) {
      throw new UsageProblem("--growth-every must be at least 1 and replays generated articles (no --corpus), got "
          + growthEvery + (corpus != null ? " with --corpus " + corpus : ""));
    }
    if (latencySeconds < 1) {
      throw new UsageProblem("--latency-seconds must be at least 1, got " + latencySeconds);
    }
    if (corpus != null && !Files.exists(corpus)) {
      throw new UsageProblem("--corpus " + corpus + ": no such file or directory");
    }
    idleTimeout.get();   // validates
  }

  /** The table's order: the engine's limits first, then the pipeline's stages in data-flow order. */
  private static List<StageResult> orderForTable(List<StageResult> stages) {
    List<String> order = List.of("kafka", "passthrough", "ingest", "enrich", "aggregate", "end-to-end");
    return stages.stream().sorted(Comparator.comparingInt(s -> order.indexOf(s.key()))).toList();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
