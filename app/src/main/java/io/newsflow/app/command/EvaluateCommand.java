package io.newsflow.app.command;

import io.newsflow.aggregate.evaluation.ClusteringScores;
import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.evaluate.DatasetArticles;
import io.newsflow.app.evaluate.LabelledDataset;
import io.newsflow.app.evaluate.LabelledDocument;
import io.newsflow.app.evaluate.ReplayOrder;
import io.newsflow.app.evaluate.TfidfBaseline;
import io.newsflow.app.options.ClusterOptions;
import io.newsflow.app.options.IdleTimeoutOption;
import io.newsflow.app.stories.TopicReader;
import io.newsflow.enrich.text.words.Tokenizer;
import io.newsflow.ingest.IngestService;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.config.PipelineNamespace;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.avro.ArticleAssignment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow evaluate}: replays a labelled dataset through the real topologies on a broker (the
 * local one unless told otherwise), in its own namespace of topics and groups, and scores the stories
 * against the labels.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Replays a labelled dataset (doc_id, cluster_id, title, text, dct, split) through the pipeline "
        + "and prints B-cubed and pairwise precision, recall and F1.")
public final class EvaluateCommand implements Callable<Integer> {
  @Mixin ClusterOptions cluster;

  @Option(names = "--dataset", required = true, paramLabel = "PATH", description = "Labelled .jsonl or .jsonl.gz file.")
  Path dataset;

  @Option(names = "--split", paramLabel = "NAME", description = "Only documents of this split (e.g. dev).")
  String split;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the replay order for datasets without dates (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--baseline", description = "Also cluster the same documents in the same order with the tf-idf "
      + "single-pass baseline (issue 21) and print its scores beside the model's.")
  boolean baseline;

  @Option(names = "--baseline-threshold", paramLabel = "COSINE", description = "The baseline's threshold (default: "
      + "tuned on the dataset's train and dev splits in their replay order, as `fit --folds` tunes it; those splits "
      + "are what the shipped weights were chosen on).")
  Double baselineThreshold;

  @Mixin IdleTimeoutOption idleTimeout;

  private final PrintStream out;
  private final PrintStream err;

  public EvaluateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    if (!dataset.toFile().isFile()) {
      throw new UsageProblem("--dataset " + dataset + ": no such file");
    }
    List<LabelledDocument> docs = LabelledDataset.read(dataset, Optional.ofNullable(split));
    if (docs.isEmpty()) {
      throw new UsageProblem("--dataset " + dataset + " has no documents" + (split == null ? "" : " in split " + split));
    }
    ReplayOrder order = ReplayOrder.of(docs, seed);
    String source = datasetName(dataset);
    long clusters = docs.stream().map(LabelledDocument::clusterId).distinct().count();
    out.printf("dataset: %s, split %s, %d documents, %d clusters; order: %s%n", source,
        split == null ? "all" : split, docs.size(), clusters, order.description());

    // Tuned before the replay, so a dataset the threshold cannot be tuned on fails at once.
    double threshold = baseline ? baselineThreshold(seed) : Double.NaN;
    Map<String, String> predicted = replay(order, source);
    Map<String, String> gold = new HashMap<>();
    docs.forEach(d -> gold.put(d.docId(), d.clusterId()));
    ClusteringScores s = ClusteringScores.score(gold, predicted);
    long stories = predicted.values().stream().distinct().count();
    out.printf(Locale.ROOT, "stories: %d%n", stories);
    out.printf(Locale.ROOT, "b-cubed: precision %.4f recall %.4f f1 %.4f%n", s.bcubedPrecision(), s.bcubedRecall(), s.bcubedF1());
    out.printf(Locale.ROOT, "pairwise: precision %.4f recall %.4f f1 %.4f%n", s.pairwisePrecision(), s.pairwiseRecall(), s.pairwiseF1());
    ClusteringScores b = null;
    if (baseline) {
      Map<String, String> byBaseline = new TfidfBaseline(new Tokenizer().stopwords()).stories(
          order.documents().stream().map(t -> TfidfBaseline.Document.of(t.document())).toList(), threshold);
      b = ClusteringScores.score(gold, byBaseline);
      out.printf(Locale.ROOT, "baseline (tf-idf single pass, threshold %.2f): %d stories%n", threshold,
          byBaseline.values().stream().distinct().count());
      out.printf(Locale.ROOT, "baseline b-cubed: precision %.4f recall %.4f f1 %.4f%n", b.bcubedPrecision(), b.bcubedRecall(), b.bcubedF1());
      out.printf(Locale.ROOT, "baseline pairwise: precision %.4f recall %.4f f1 %.4f%n", b.pairwisePrecision(), b.pairwiseRecall(), b.pairwiseF1());
    }
    out.printf(Locale.ROOT, "b-cubed-f1: %.4f%n", s.bcubedF1());
    if (b != null) {
      out.printf(Locale.ROOT, "baseline-b-cubed-f1: %.4f%n", b.bcubedF1());
    }
    return ExitCodes.OK;
  }

  /** The given --baseline-threshold, else the one tuned on the train and dev documents of the dataset. */
  private double baselineThreshold(long seed) throws IOException {
    if (baselineThreshold != null) {
      return baselineThreshold;
    }
    List<LabelledDocument> tuning = LabelledDataset.read(dataset, Optional.empty()).stream()
        .filter(d -> "train".equals(d.split()) || "dev".equals(d.split())).toList();
    if (tuning.isEmpty()) {
      throw new UsageProblem("--baseline: " + dataset + " has no train or dev documents to tune the baseline's threshold on; "
          + "give --baseline-threshold");
    }
    Map<String, String> gold = new HashMap<>();
    tuning.forEach(d -> gold.put(d.docId(), d.clusterId()));
    return new TfidfBaseline(new Tokenizer().stopwords()).tune(
        ReplayOrder.of(tuning, seed).documents().stream().map(t -> TfidfBaseline.Document.of(t.document())).toList(), gold);
  }

  /** Doc id → story id, from the assignments the real topology wrote. */
  private Map<String, String> replay(ReplayOrder order, String source) throws Exception {
    NewsflowConfig config = cluster.load();
    if (config.get(NewsflowConfig.BOOTSTRAP_SERVERS).isEmpty()) {
      // Its own local broker data, so an evaluation can run beside `newsflow run`.
      config = config.with(NewsflowConfig.DATA_DIR, Path.of(config.require(NewsflowConfig.DATA_DIR), "evaluate").toString())
          .with("local.kafka.port", "0").with("local.schema-registry.port", "0");
    }
    String namespace = "newsflow-eval-" + UUID.randomUUID().toString().substring(0, 8);
    config = PipelineNamespace.apply(config, namespace);
    Map<String, String> docOfArticle = new HashMap<>();
    try (Cluster c = Cluster.startOrConnect(config)) {
      c.provisionTopics();
      try (StreamsService enrich = Services.enrich(c).start();
           StreamsService aggregate = Services.aggregate(c).start()) {
        try (IngestService ingest = Services.ingest(c)) {
          for (ReplayOrder.TimedDocument timed : order.documents()) {
            docOfArticle.put(ingest.intake().accept(DatasetArticles.of(timed, source)), timed.document().docId());
          }
          ingest.intake().commit();
        }
        try (Admin admin = c.admin()) {
          if (!PipelineIdle.await(admin, Services.consumerGroups(c), Services.settleTime(c), idleTimeout.get())) {
            throw new IllegalStateException("the pipeline did not go idle within " + idleTimeout.get());
          }
        }
      }
      Map<String, String> predicted = new HashMap<>();
      try (TopicReader<String, ArticleAssignment> reader =
               new TopicReader<>(c.config().kafkaClientProperties(), c.topics().assignments())) {
        reader.readAll().forEach(r -> {
          String doc = docOfArticle.get(r.key());
          if (doc != null) {
            predicted.put(doc, r.value().getStoryId());
          }
        });
      }
      c.deleteNamespace(namespace);
      return predicted;
    }
  }

  static String datasetName(Path file) {
    String name = file.getFileName().toString();
    return name.replaceFirst("\\.jsonl(\\.gz)?$", "");
  }
}
