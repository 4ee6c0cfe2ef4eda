package io.newsflow.app.command;

import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.ScoreWeights;
import io.newsflow.aggregate.evaluation.ClusteringScores;
import io.newsflow.aggregate.evaluation.FittingExamples;
import io.newsflow.aggregate.evaluation.LogisticFit;
import io.newsflow.aggregate.evaluation.OfflineReplay;
import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.cluster.ProxyLimits;
import io.newsflow.app.cluster.Services;
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
 * {@code newsflow fit}: fits the story-scoring weights by logistic regression on labelled datasets (each article
 * against its candidate stories, replayed with the gold stories by the real clustering code), then the
 * threshold by replaying the real clustering in memory; writes both as properties (ADR 27).
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
    description = "Fits story-clustering weights and threshold on labelled datasets (train split by default) "
        + "and writes them as aggregate.* properties.")
public final class FitCommand implements Callable<Integer> {
  /**
   * Signals fitted unless --signals says otherwise: of the sets tried, the one with the best train mean (ADR 28).
   * The gap did not help (ADR 27); with the details signal, the entity shares other than persons add nothing.
   */
  static final List<String> DEFAULT_SIGNALS = List.of("terms", "details", "title", "year-conflict", "rare-entities",
      "story-size", "persons", "entity-conflict");
  /** Thresholds tried, in steps of the scale where the term weight is 1, around the fitted even odds. */
  static final double THRESHOLD_STEP = 0.025;
  static final int STEPS_BELOW = 20;
  static final int STEPS_ABOVE = 12;
  /** Merge thresholds tried once the threshold is chosen, highest first; infinite: never merge. */
  static final double[] MERGE_THRESHOLDS = {Double.POSITIVE_INFINITY, 4.0, 3.0, 2.5, 2.0, 1.5, 1.25, 1.1, 1.0, 0.9, 0.75};

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

  @Option(names = "--signals", split = ",", paramLabel = "NAME",
      description = "Signals to fit, comma-separated, of: terms, entities, title, gap, entity-conflict, year-conflict, "
          + "persons, places, organizations, rare-entities, story-size, details "
          + "(default: terms, details, title, year-conflict, rare-entities, story-size, persons, entity-conflict); "
          + "the others get weight 0.")
  List<String> signals = DEFAULT_SIGNALS;

  @Option(names = "--ridge", defaultValue = "1.0", paramLabel = "L",
      description = "Penalty on the squared weights of the logistic regression (default ${DEFAULT-VALUE}).")
  double ridge;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the fitted aggregate.* properties here.")
  Path output;

  private final PrintStream out;

  public FitCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    boolean[] fitted = fittedSignals();
    if (!(ridge >= 0)) {
      throw new UsageProblem("--ridge must be 0 or more, got " + ridge);
    }
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
    List<FittingExamples.Example> examples = new ArrayList<>();
    for (EnrichedDataset d : data) {
      if (!d.proxy()) {
        examples.addAll(FittingExamples.collect(d.articles(), d.goldByArticle(), base));
      }
    }
    LogisticFit fit = LogisticFit.of(examples, fitted, ridge);
    double termWeight = fit.weights()[0];
    if (termWeight <= 0) {
      throw new UsageProblem("the fitted term weight is " + termWeight + ": the term signal must be fitted and must favour "
          + "the article's own story; check --signals and the datasets");
    }
    // On the scale where the term weight is 1, so the score stays comparable with the term cosine.
    double[] weights = new double[fit.weights().length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = round(fit.weights()[i] / termWeight);
    }
    double evenOdds = -fit.intercept() / termWeight;
    long sameStory = examples.stream().filter(FittingExamples.Example::sameStory).count();
    out.printf(Locale.ROOT, "logistic regression on %d candidates (%d of the article's own story): even odds at score %.3f%n",
        examples.size(), sameStory, evenOdds);
    ClusteringSettings best = null;
    double bestScore = -1;
    for (int step = -STEPS_BELOW; step <= STEPS_ABOVE; step++) {
      ClusteringSettings candidate = base.withScoring(ScoreWeights.of(weights), round(evenOdds + step * THRESHOLD_STEP));
      double score = meanBcubedF1(data, candidate, limits);
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    if (best == null || bestScore < 0) {
      throw new UsageProblem("no threshold keeps the --distinct corpora within " + minStoryShare
          + " stories per article and stories of at most " + maxStory + " articles");
    }
    // The lowest merge threshold that costs nothing on train: merges stay for bridges the data does not refute.
    ClusteringSettings chosen = best;
    for (double merge : MERGE_THRESHOLDS) {
      ClusteringSettings candidate = chosen.withMergeThreshold(merge);
      double score = meanBcubedF1(data, candidate, limits);
      if (score >= bestScore - 1e-9) {
        best = candidate;
        bestScore = Math.max(bestScore, score);
      }
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
    lines.add("aggregate.merge-threshold=" + (Double.isInfinite(best.mergeThreshold()) ? "Infinity"
        : String.format(Locale.ROOT, "%.3f", best.mergeThreshold())));
    lines.forEach(out::println);
    if (output != null) {
      Files.write(output, lines);
    }
    return ExitCodes.OK;
  }

  private boolean[] fittedSignals() {
    boolean[] fitted = new boolean[ScoreWeights.SETTINGS.size()];
    for (String name : signals) {
      int i = ScoreWeights.SETTINGS.indexOf("aggregate.weight." + name.trim());
      if (i < 0) {
        throw new UsageProblem("--signals: unknown signal '" + name.trim() + "'; known: " + String.join(", ",
            ScoreWeights.SETTINGS.stream().map(k -> k.substring("aggregate.weight.".length())).toList()));
      }
      fitted[i] = true;
    }
    return fitted;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
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
