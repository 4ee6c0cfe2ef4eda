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
import java.util.Map;
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
  // 288 settings around the ADR 20 fit (12 minutes here); entities 0.1 scored lower there (ADR 20), 0.4 never won (ADR 23).
  static final double[] ENTITY_WEIGHTS = {0.15, 0.2, 0.3, 0.4};
  static final double[] TITLE_WEIGHTS = {0.15, 0.3};
  // The idle close bounds a candidate's age, so the gap penalty no longer wins (ADR 20); dropping its 0.5 pays for the conflicts.
  static final double[] GAP_WEIGHTS = {0.0};
  static final double[] CONFLICT_WEIGHTS = {0.0, 0.05, 0.1};
  static final double[] YEAR_CONFLICT_WEIGHTS = {0.0, 0.1, 0.2};
  static final double[] THRESHOLDS = {0.3, 0.325, 0.35, 0.4};

  @Option(names = "--dataset", required = true, paramLabel = "PATH", description = "Labelled .jsonl(.gz); repeat to fit on several (the mean B-cubed F1 is maximised).")
  List<Path> datasets;

  @Option(names = "--distinct", paramLabel = "PATH",
      description = "Corpus of distinct stories (e.g. the BBC folder) that fitted settings must keep apart: see --distinct-min-story-share and --distinct-max-story.")
  List<Path> distinct = List.of();

  @Option(names = "--distinct-min-story-share", defaultValue = "0.49", paramLabel = "SHARE",
      description = "Fit only settings that leave at least this many stories per article of each --distinct corpus "
          + "(default ${DEFAULT-VALUE}: BBC's 2,225 articles in at least 1,100 stories).")
  double minStoryShare;

  @Option(names = "--distinct-max-story", defaultValue = "59", paramLabel = "N",
      description = "Fit only settings whose largest story in each --distinct corpus has at most N articles (default ${DEFAULT-VALUE}).")
  int maxStory;

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
    ProxyLimits limits = new ProxyLimits(minStoryShare, maxStory);
    ClusteringSettings base = ClusteringSettings.defaults();
    ClusteringSettings best = null;
    double bestScore = -1;
    for (double terms : TERM_WEIGHTS) {
      for (double entities : ENTITY_WEIGHTS) {
        for (double title : TITLE_WEIGHTS) {
          for (double gap : GAP_WEIGHTS) {
            for (double conflict : CONFLICT_WEIGHTS) {
              for (double years : YEAR_CONFLICT_WEIGHTS) {
                for (double threshold : THRESHOLDS) {
                  ClusteringSettings candidate = base.withScoring(terms, entities, title, gap, conflict, years, threshold);
                  double score = meanBcubedF1(data, candidate, limits);
                  if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                  }
                }
              }
            }
          }
        }
      }
    }
    if (best == null) {
      throw new UsageProblem("no setting of the grid keeps the --distinct corpora within " + minStoryShare
          + " stories per article and stories of at most " + maxStory + " articles");
    }
    out.printf(Locale.ROOT, "fitted on split %s: mean b-cubed F1 %.4f over the labelled datasets%n", split, bestScore);
    for (EnrichedDataset d : data) {
      Map<String, String> stories = OfflineReplay.stories(d.articles(), best);
      ClusteringScores s = ClusteringScores.score(d.goldByArticle(), stories);
      ProxyLimits.Shape shape = ProxyLimits.Shape.of(stories);
      out.printf(Locale.ROOT, "%s: b-cubed f1 %.4f (p %.4f r %.4f), pairwise f1 %.4f, %d articles in %d stories, largest %d%n",
          d.name(), s.bcubedF1(), s.bcubedPrecision(), s.bcubedRecall(), s.pairwiseF1(), shape.articles(),
          shape.stories(), shape.largest());
    }
    List<String> lines = new ArrayList<>();
    best.scoringProperties().forEach((k, v) -> lines.add(k + "=" + v));
    lines.forEach(out::println);
    if (output != null) {
      Files.write(output, lines);
    }
    return ExitCodes.OK;
  }

  /**
   * Mean B-cubed F1 over the labelled datasets, or -1 when the settings merge a distinct-story corpus
   * beyond {@code limits}.
   */
  static double meanBcubedF1(List<EnrichedDataset> data, ClusteringSettings settings, ProxyLimits limits) {
    double sum = 0;
    int labelled = 0;
    for (EnrichedDataset d : data) {
      Map<String, String> stories = OfflineReplay.stories(d.articles(), settings);
      if (d.proxy()) {
        if (!limits.admits(ProxyLimits.Shape.of(stories))) {
          return -1;
        }
      } else {
        sum += ClusteringScores.score(d.goldByArticle(), stories).bcubedF1();
        labelled++;
      }
    }
    return labelled == 0 ? 0 : sum / labelled;
  }
}
