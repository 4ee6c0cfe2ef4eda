package io.newsflow.app;

import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.evaluation.ClusteringScores;
import io.newsflow.aggregate.evaluation.OfflineReplay;
import io.newsflow.app.evaluate.EnrichedDataset;
import io.newsflow.app.evaluate.LabelledDataset;
import io.newsflow.app.evaluate.LabelledDocument;
import io.newsflow.app.evaluate.ReplayOrder;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.text.ArticleAnalyzer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow fit}: grid search of the story-scoring weights and threshold on labelled datasets,
 * replaying the real clustering code in memory; writes the best settings as properties.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = "Fits story-clustering weights and threshold on labelled datasets (train split by default) "
        + "and writes them as aggregate.* properties.")
final class FitCommand implements Callable<Integer> {
  // Scores are linear in the weights, so the term weight stays 1 and the others are relative to it.
  static final double[] TERM_WEIGHTS = {1.0};
  static final double[] ENTITY_WEIGHTS = {0.0, 0.2, 0.4, 0.6, 0.8};
  static final double[] TITLE_WEIGHTS = {0.0, 0.15, 0.3};
  static final double[] GAP_WEIGHTS = {0.0, 0.5, 1.0, 2.0};
  static final double[] THRESHOLDS = {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7};

  @Option(names = "--dataset", required = true, paramLabel = "PATH", description = "Labelled .jsonl(.gz); repeat to fit on several (the mean B-cubed F1 is maximised).")
  List<Path> datasets;

  @Option(names = "--distinct", paramLabel = "PATH",
      description = "Corpus of distinct stories (e.g. the BBC folders) fitted as its own proxy label: each article alone, byte-identical copies together.")
  List<Path> distinct = List.of();

  @Option(names = "--split", defaultValue = "train", description = "Split to fit on (default ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--seed", defaultValue = "42", description = "Replay-order seed for datasets without dates.")
  long seed;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the fitted aggregate.* properties here.")
  Path output;

  private final PrintStream out;

  FitCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    ArticleEnricher enricher = new ArticleEnricher(new ArticleAnalyzer(), Services.DEFAULT_MAX_BODY_CHARS);
    List<EnrichedDataset> data = new ArrayList<>();
    for (Path file : datasets) {
      if (!file.toFile().isFile()) {
        throw new UsageProblem("--dataset " + file + ": no such file");
      }
      List<LabelledDocument> docs = LabelledDataset.read(file, Optional.of(split));
      if (docs.isEmpty()) {
        throw new UsageProblem("--dataset " + file + " has no documents in split " + split);
      }
      data.add(EnrichedDataset.of(EvaluateCommand.datasetName(file), ReplayOrder.of(docs, seed), enricher));
    }
    for (Path corpus : distinct) {
      if (!corpus.toFile().exists()) {
        throw new UsageProblem("--distinct " + corpus + ": no such file or folder");
      }
      data.add(EnrichedDataset.distinctStories(corpus, enricher));
    }
    ClusteringSettings base = ClusteringSettings.defaults();
    ClusteringSettings best = base;
    double bestScore = -1;
    for (double terms : TERM_WEIGHTS) {
      for (double entities : ENTITY_WEIGHTS) {
        for (double title : TITLE_WEIGHTS) {
          for (double gap : GAP_WEIGHTS) {
            for (double threshold : THRESHOLDS) {
              ClusteringSettings candidate = base.withScoring(terms, entities, title, gap, threshold);
              double score = meanBcubedF1(data, candidate);
              if (score > bestScore) {
                bestScore = score;
                best = candidate;
              }
            }
          }
        }
      }
    }
    out.printf(Locale.ROOT, "fitted on split %s: mean b-cubed F1 %.4f (distinct-story proxies count as one dataset)%n",
        split, bestScore);
    for (EnrichedDataset d : data) {
      ClusteringScores s = ClusteringScores.score(d.goldByArticle(), OfflineReplay.stories(d.articles(), best));
      out.printf(Locale.ROOT, "%s: b-cubed f1 %.4f (p %.4f r %.4f), pairwise f1 %.4f%n", d.name(), s.bcubedF1(),
          s.bcubedPrecision(), s.bcubedRecall(), s.pairwiseF1());
    }
    List<String> lines = new ArrayList<>();
    best.scoringProperties().forEach((k, v) -> lines.add(k + "=" + v));
    lines.forEach(out::println);
    if (output != null) {
      Files.write(output, lines);
    }
    return ExitCodes.OK;
  }

  /** Mean B-cubed F1 over the labelled datasets, with all distinct-story proxies together counting as one more. */
  static double meanBcubedF1(List<EnrichedDataset> data, ClusteringSettings settings) {
    double labelled = 0;
    double proxies = 0;
    int labelledCount = 0;
    int proxyCount = 0;
    for (EnrichedDataset d : data) {
      double f1 = ClusteringScores.score(d.goldByArticle(), OfflineReplay.stories(d.articles(), settings)).bcubedF1();
      if (d.proxy()) {
        proxies += f1;
        proxyCount++;
      } else {
        labelled += f1;
        labelledCount++;
      }
    }
    double sum = labelled + (proxyCount == 0 ? 0 : proxies / proxyCount);
    int terms = labelledCount + (proxyCount == 0 ? 0 : 1);
    return terms == 0 ? 0 : sum / terms;
  }
}
