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
import io.newsflow.app.evaluate.GroupedFolds;
import io.newsflow.app.evaluate.LabelledDataset;
import io.newsflow.app.evaluate.LabelledDocument;
import io.newsflow.app.evaluate.ReplayOrder;
import io.newsflow.app.evaluate.TfidfBaseline;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.enrich.text.words.Tokenizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
   * Signals fitted unless --signals says otherwise: the choice of {@code fit --folds 5} on ECB+ and GVC (ADR 34). The gap
   * did not help (ADR 27); persons and the person conflict scored lower under cross-validation than without them.
   */
  static final List<String> DEFAULT_SIGNALS = List.of("terms", "details", "title", "year-conflict", "rare-entities",
      "story-size");
  /**
   * What --folds chooses among unless --signals is given, simplest first: the term cosine alone; with the details and
   * the title; the default set; the default set with persons and the person conflict (shipped before ADR 34).
   */
  static final List<List<String>> CANDIDATE_SIGNALS = List.of(List.of("terms"), List.of("terms", "details", "title"),
      DEFAULT_SIGNALS, List.of("terms", "details", "title", "year-conflict", "rare-entities", "story-size", "persons",
          "entity-conflict"));
  /** Thresholds tried, in steps of the scale where the term weight is 1, around the fitted even odds. */
  static final double THRESHOLD_STEP = 0.025;
  static final int STEPS_BELOW = 20;
  static final int STEPS_ABOVE = 12;
  /** Merge thresholds tried once the threshold is chosen, highest first; infinite: never merge. */
  static final double[] MERGE_THRESHOLDS = {Double.POSITIVE_INFINITY, 4.0, 3.0, 2.5, 2.0, 1.5, 1.25, 1.1, 1.0, 0.9, 0.75};

  @Option(names = "--dataset", required = true, paramLabel = "PATH", description = "Labelled .jsonl(.gz); repeat to fit on several (see --objective for what the threshold maximises over them).")
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

  @Option(names = "--split", paramLabel = "NAME", description = "Split to fit on (default train; not with --folds).")
  String split;

  @Option(names = "--folds", paramLabel = "K",
      description = "Choose the signals by K-fold cross-validation over train + dev, each event (ECB+ topic, GVC incident) "
          + "in one fold: prints each fold's held-out B-cubed F1 and the mean ± sd, the model's and the tf-idf baseline's, "
          + "takes the fewest signals within one standard error (sd / √K) of the best mean, and fits them on all of "
          + "train + dev.")
  Integer folds;

  @Option(names = "--seed", defaultValue = "42", description = "Replay-order seed for datasets without dates.")
  long seed;

  @Option(names = "--signals", split = ",", paramLabel = "NAME",
      description = "Signals to fit, comma-separated, of: terms, entities, title, gap, entity-conflict, year-conflict, "
          + "persons, places, organizations, rare-entities, story-size, details "
          + "(default: terms, details, title, year-conflict, rare-entities, story-size); "
          + "the others get weight 0; with --folds, the only candidate).")
  List<String> signals;

  @Option(names = "--ridge", defaultValue = "1.0", paramLabel = "L",
      description = "Penalty on the squared weights of the logistic regression (default ${DEFAULT-VALUE}).")
  double ridge;

  @Option(names = "--objective", defaultValue = "mean", paramLabel = "NAME",
      description = "What the threshold and merge threshold maximise over the labelled datasets: mean (their mean "
          + "B-cubed F1) or worst-margin (the smallest margin of a dataset's B-cubed F1 over the tf-idf baseline's, the "
          + "baseline tuned on the same documents); default ${DEFAULT-VALUE}.")
  String objective;

  @Option(names = "--example-weights", defaultValue = "pooled", paramLabel = "NAME",
      description = "How the logistic regression counts the labelled datasets' candidates: pooled (each candidate once) "
          + "or equal (each dataset's candidates weigh as much in total as another's); default ${DEFAULT-VALUE}.")
  String exampleWeights;

  @Option(names = "--idle-close", paramLabel = "DURATION",
      description = "Fit and score with stories closing after this ISO-8601 idle time (default: aggregate.idle-close-ms's "
          + "default, 14 days); a measurement, not written to --output.")
  java.time.Duration idleClose;

  @Option(names = "--idf-prior", defaultValue = "true", paramLabel = "true|false", arity = "1",
      description = "Whether English counts start from the shipped prior (aggregate.idf-prior, ADR 42); false fits and "
          + "scores with counts from nothing and writes aggregate.idf-prior=false to --output. Default ${DEFAULT-VALUE}.")
  boolean idfPrior;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the fitted aggregate.* properties here.")
  Path output;

  private final PrintStream out;

  public FitCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    if (!(ridge >= 0)) {
      throw new UsageProblem("--ridge must be 0 or more, got " + ridge);
    }
    if (!List.of("mean", "worst-margin").contains(objective)) {
      throw new UsageProblem("--objective must be mean or worst-margin, got " + objective);
    }
    if (!List.of("pooled", "equal").contains(exampleWeights)) {
      throw new UsageProblem("--example-weights must be pooled or equal, got " + exampleWeights);
    }
    if (folds != null && split != null) {
      throw new UsageProblem("--folds cross-validates over train + dev: leave out --split");
    }
    List<List<String>> candidates = signals != null ? List.of(signals) : folds != null ? CANDIDATE_SIGNALS : List.of(DEFAULT_SIGNALS);
    candidates.forEach(FitCommand::fittedSignals);
    ArticleEnricher enricher = new ArticleEnricher(new ArticleAnalyzer(), Services.DEFAULT_MAX_BODY_CHARS);
    List<String> splits = folds != null ? List.of("train", "dev") : List.of(split == null ? "train" : split);
    List<LabelledSet> sets = new ArrayList<>();
    for (Path file : datasets) {
      if (!file.toFile().isFile()) {
        throw new UsageProblem("--dataset " + file + ": no such file");
      }
      List<LabelledDocument> docs = LabelledDataset.read(file, Optional.empty()).stream()
          .filter(d -> splits.contains(d.split())).toList();
      if (docs.isEmpty()) {
        throw new UsageProblem("--dataset " + file + " has no documents in split " + String.join(" or ", splits));
      }
      String name = EvaluateCommand.datasetName(file);
      ReplayOrder order = ReplayOrder.of(docs, seed);
      sets.add(new LabelledSet(docs, order, EnrichedDataset.of(name, order, enricher), EnrichedDataset.articleIds(name, order)));
    }
    List<EnrichedDataset> proxies = new ArrayList<>();
    for (Path corpus : distinct) {
      if (!corpus.toFile().exists()) {
        throw new UsageProblem("--distinct " + corpus + ": no such file or folder");
      }
      proxies.add(EnrichedDataset.distinctStories(corpus, enricher));
    }
    ProxyLimits limits = new ProxyLimits(minStoryShare, maxStory);
    List<String> chosen = candidates.get(0);
    if (folds != null) {
      chosen = crossValidate(sets, proxies, candidates, limits);
    }
    List<EnrichedDataset> data = new ArrayList<>();
    sets.forEach(s -> data.add(s.enriched()));
    data.addAll(proxies);
    double[] reference = new double[sets.size()];
    if (objective.equals("worst-margin")) {
      TfidfBaseline tfidf = new TfidfBaseline(new Tokenizer().stopwords());
      for (int s = 0; s < sets.size(); s++) {
        reference[s] = sets.get(s).baselineInSample(tfidf, sets.get(s).docs());
        out.printf(Locale.ROOT, "%s: baseline b-cubed f1 %.4f tuned and scored on the same documents (the margin's reference)%n",
            sets.get(s).enriched().name(), reference[s]);
      }
    }
    ClusteringSettings best = fit(data, fittedSignals(chosen), limits, reference, out);
    out.printf(Locale.ROOT, "fitted on %s: mean b-cubed F1 %.4f over the labelled datasets%n",
        folds == null ? "split " + splits.get(0) : "train + dev with " + String.join(", ", chosen),
        labelledMeanBcubedF1(data, best));
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
    if (!best.idfPrior()) {
      lines.add("aggregate.idf-prior=false");   // the weights hold only with the counts they were fitted with
    }
    lines.forEach(out::println);
    if (output != null) {
      Files.write(output, lines);
    }
    return ExitCodes.OK;
  }

  /** A labelled dataset's documents, their replay order, the enriched articles and doc id → article id. */
  private record LabelledSet(List<LabelledDocument> docs, ReplayOrder order, EnrichedDataset enriched,
                             Map<String, String> articleIds) {
    /** The articles of the documents in {@code docs}, in replay order. */
    EnrichedDataset only(List<LabelledDocument> docs) {
      Set<String> ids = new HashSet<>();
      docs.forEach(d -> ids.add(articleIds.get(d.docId())));
      return enriched.only(ids);
    }

    /** The documents of {@code docs} in replay order, as the baseline reads them. */
    List<TfidfBaseline.Document> baselineDocuments(List<LabelledDocument> docs) {
      Set<String> ids = new HashSet<>();
      docs.forEach(d -> ids.add(d.docId()));
      return order.documents().stream().map(ReplayOrder.TimedDocument::document).filter(d -> ids.contains(d.docId()))
          .map(TfidfBaseline.Document::of).toList();
    }

    /** The baseline's B-cubed F1 on {@code docs} with its threshold tuned on them: the margin's reference. */
    double baselineInSample(TfidfBaseline tfidf, List<LabelledDocument> docs) {
      List<TfidfBaseline.Document> documents = baselineDocuments(docs);
      double threshold = tfidf.tune(documents, gold(docs));
      return ClusteringScores.score(gold(docs), tfidf.stories(documents, threshold)).bcubedF1();
    }

    static Map<String, String> gold(List<LabelledDocument> docs) {
      Map<String, String> gold = new HashMap<>();
      docs.forEach(d -> gold.put(d.docId(), d.clusterId()));
      return gold;
    }
  }

  /**
   * Scores each candidate signal set by grouped K-fold cross-validation (fitted on K - 1 folds of every dataset with
   * the proxies, scored on the fold left out, per dataset), prints the folds, and returns the simplest candidate whose
   * mean is within one standard error of the best mean (ADR 42): a smaller difference is not evidence.
   */
  private List<String> crossValidate(List<LabelledSet> sets, List<EnrichedDataset> proxies, List<List<String>> candidates,
                                     ProxyLimits limits) {
    List<List<List<LabelledDocument>>> foldsOf = new ArrayList<>();
    for (LabelledSet set : sets) {
      try {
        foldsOf.add(GroupedFolds.of(set.docs(), folds));
      } catch (IllegalArgumentException e) {
        throw new UsageProblem("--folds: " + set.enriched().name() + ": " + e.getMessage());
      }
    }
    out.printf(Locale.ROOT, "cross-validation: %d folds over train + dev, each event (ECB+ topic, else cluster) in one fold%n", folds);
    out.printf(Locale.ROOT, "objective %s, example weights %s%s%s%n", objective, exampleWeights,
        idleClose == null ? "" : ", idle close " + idleClose, idfPrior ? "" : ", counts from nothing (no idf prior)");
    for (int s = 0; s < sets.size(); s++) {
      out.printf(Locale.ROOT, "%s: %d documents, %d events, folds of %s documents%n", sets.get(s).enriched().name(),
          sets.get(s).docs().size(), sets.get(s).docs().stream().map(LabelledDocument::event).distinct().count(),
          String.join(", ", foldsOf.get(s).stream().map(f -> String.valueOf(f.size())).toList()));
    }
    // Per fold, per dataset: the baseline's score on the folds fitted on, when the objective is the margin over it.
    double[][] references = new double[folds][sets.size()];
    if (objective.equals("worst-margin")) {
      TfidfBaseline tfidf = new TfidfBaseline(new Tokenizer().stopwords());
      for (int f = 0; f < folds; f++) {
        for (int s = 0; s < sets.size(); s++) {
          references[f][s] = sets.get(s).baselineInSample(tfidf, others(foldsOf.get(s), f));
        }
      }
    }
    // Per candidate, per fold, per dataset: the held-out B-cubed F1.
    List<double[][]> scores = new ArrayList<>();
    for (List<String> candidate : candidates) {
      double[][] perFold = new double[folds][sets.size()];
      for (int f = 0; f < folds; f++) {
        List<EnrichedDataset> train = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
          train.add(sets.get(s).only(others(foldsOf.get(s), f)));
        }
        train.addAll(proxies);
        ClusteringSettings settings = fit(train, fittedSignals(candidate), limits, references[f], null);
        for (int s = 0; s < sets.size(); s++) {
          EnrichedDataset heldOut = sets.get(s).only(foldsOf.get(s).get(f));
          perFold[f][s] = ClusteringScores.score(heldOut.goldByArticle(), OfflineReplay.stories(heldOut.articles(), settings))
              .bcubedF1();
        }
      }
      scores.add(perFold);
      out.printf(Locale.ROOT, "candidate %s: %s%n", String.join(",", candidate), summary(perFold, sets));
    }
    double[][] baseline = new double[folds][sets.size()];
    double[][] baselineThresholds = new double[folds][sets.size()];
    TfidfBaseline tfidf = new TfidfBaseline(new Tokenizer().stopwords());
    for (int f = 0; f < folds; f++) {
      for (int s = 0; s < sets.size(); s++) {
        LabelledSet set = sets.get(s);
        List<LabelledDocument> train = others(foldsOf.get(s), f);
        double threshold = tfidf.tune(set.baselineDocuments(train), LabelledSet.gold(train));
        List<LabelledDocument> heldOut = foldsOf.get(s).get(f);
        baselineThresholds[f][s] = threshold;
        baseline[f][s] = ClusteringScores.score(LabelledSet.gold(heldOut),
            tfidf.stories(set.baselineDocuments(heldOut), threshold)).bcubedF1();
      }
    }
    List<double[]> foldMeans = scores.stream().map(FitCommand::means).toList();
    int chosen = simplestWithinOneStandardError(candidates, foldMeans);
    int best = best(foldMeans);
    Stats top = Stats.of(foldMeans.get(best));
    out.printf(Locale.ROOT, "chosen: %s (best mean %.4f ± %.4f by %s; the fewest signals within one standard error, %.4f)%n",
        String.join(",", candidates.get(chosen)), top.mean(), top.sd(), String.join(",", candidates.get(best)),
        top.standardError(folds));
    for (int f = 0; f < folds; f++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "fold %d:", f + 1));
      for (int s = 0; s < sets.size(); s++) {
        line.append(String.format(Locale.ROOT, " %s model %.4f baseline %.4f (threshold %.2f);",
            sets.get(s).enriched().name(), scores.get(chosen)[f][s], baseline[f][s], baselineThresholds[f][s]));
      }
      out.println(line.substring(0, line.length() - 1));
    }
    out.printf(Locale.ROOT, "cross-validated model: %s%n", summary(scores.get(chosen), sets));
    out.printf(Locale.ROOT, "cross-validated baseline: %s%n", summary(baseline, sets));
    for (LabelledSet set : sets) {
      out.printf(Locale.ROOT, "baseline threshold tuned on all of train + dev for %s: %.2f%n", set.enriched().name(),
          tfidf.tune(set.baselineDocuments(set.docs()), LabelledSet.gold(set.docs())));
    }
    return candidates.get(chosen);
  }

  /**
   * The candidate with the fewest signals whose mean over the folds is within one standard error (of the best
   * candidate's mean: its folds' sd / √K) of the best mean, the one-standard-error rule of Hastie, Tibshirani and
   * Friedman (Elements of Statistical Learning, 7.10); of equally simple ones, the higher mean.
   */
  static int simplestWithinOneStandardError(List<List<String>> candidates, List<double[]> foldScores) {
    double[] bestFolds = foldScores.get(best(foldScores));
    Stats top = Stats.of(bestFolds);
    int chosen = -1;
    for (int c = 0; c < candidates.size(); c++) {
      double mean = Stats.of(foldScores.get(c)).mean();
      if (mean < top.mean() - top.standardError(bestFolds.length)) {
        continue;
      }
      if (chosen < 0 || candidates.get(c).size() < candidates.get(chosen).size()
          || (candidates.get(c).size() == candidates.get(chosen).size() && mean > Stats.of(foldScores.get(chosen)).mean())) {
        chosen = c;
      }
    }
    return chosen;
  }

  private static int best(List<double[]> foldScores) {
    int best = 0;
    for (int c = 1; c < foldScores.size(); c++) {
      if (Stats.of(foldScores.get(c)).mean() > Stats.of(foldScores.get(best)).mean()) {
        best = c;
      }
    }
    return best;
  }

  private static List<LabelledDocument> others(List<List<LabelledDocument>> folds, int leftOut) {
    List<LabelledDocument> docs = new ArrayList<>();
    for (int f = 0; f < folds.size(); f++) {
      if (f != leftOut) {
        docs.addAll(folds.get(f));
      }
    }
    return docs;
  }

  /** Each fold's mean over the datasets. */
  private static double[] means(double[][] perFold) {
    double[] means = new double[perFold.length];
    for (int f = 0; f < perFold.length; f++) {
      means[f] = Arrays.stream(perFold[f]).average().orElse(0);
    }
    return means;
  }

  private static String summary(double[][] perFold, List<LabelledSet> sets) {
    StringBuilder line = new StringBuilder();
    for (int s = 0; s < sets.size(); s++) {
      int column = s;
      Stats st = Stats.of(Arrays.stream(perFold).mapToDouble(row -> row[column]).toArray());
      line.append(String.format(Locale.ROOT, "%s %.4f ± %.4f, ", sets.get(s).enriched().name(), st.mean(), st.sd()));
    }
    Stats all = Stats.of(means(perFold));
    return line.append(String.format(Locale.ROOT, "mean %.4f ± %.4f", all.mean(), all.sd())).toString();
  }

  /** Mean and sample standard deviation of the folds' scores. */
  record Stats(double mean, double sd) {
    static Stats of(double[] values) {
      double mean = Arrays.stream(values).average().orElse(0);
      double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
      return new Stats(mean, values.length < 2 ? 0 : Math.sqrt(squares / (values.length - 1)));
    }

    /** The standard error of a mean over {@code folds} folds. */
    double standardError(int folds) {
      return sd / Math.sqrt(folds);
    }
  }

  /**
   * The settings fitted on {@code data}: weights of the {@code fitted} signals by logistic regression on the labelled
   * datasets (--example-weights), then the threshold and the merge threshold with the best --objective within the
   * proxies' limits; {@code reference} is the baseline's score per labelled dataset, in order, for the margin.
   * Prints the regression's summary to {@code log} when given.
   */
  ClusteringSettings fit(List<EnrichedDataset> data, boolean[] fitted, ProxyLimits limits, double[] reference,
                         PrintStream log) {
    ClusteringSettings defaults = ClusteringSettings.defaults().withIdfPrior(idfPrior);
    ClusteringSettings base = idleClose == null ? defaults : defaults.withIdleClose(idleClose);
    List<FittingExamples.Example> examples = new ArrayList<>();
    List<Integer> perDataset = new ArrayList<>();
    for (EnrichedDataset d : data) {
      if (!d.proxy()) {
        List<FittingExamples.Example> collected = FittingExamples.collect(d.articles(), d.goldByArticle(), base);
        examples.addAll(collected);
        perDataset.add(collected.size());
      }
    }
    double[] exampleWeight = exampleWeights(perDataset, exampleWeights.equals("equal"));
    LogisticFit fit = LogisticFit.of(examples, exampleWeight, fitted, ridge);
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
    if (log != null) {
      long sameStory = examples.stream().filter(FittingExamples.Example::sameStory).count();
      log.printf(Locale.ROOT, "logistic regression on %d candidates (%d of the article's own story; per dataset %s, "
              + "weighted %s): even odds at score %.3f%n", examples.size(), sameStory,
          String.join(", ", perDataset.stream().map(String::valueOf).toList()), exampleWeights, evenOdds);
    }
    ClusteringSettings best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    double unlimitedScore = Double.NEGATIVE_INFINITY;
    double unlimitedThreshold = Double.NaN;
    for (int step = -STEPS_BELOW; step <= STEPS_ABOVE; step++) {
      ClusteringSettings candidate = base.withScoring(ScoreWeights.of(weights), round(evenOdds + step * THRESHOLD_STEP));
      // The proxies (most of the replaying) are checked only for a threshold that would win.
      double score = objective(data, candidate, reference);
      if (score > unlimitedScore) {
        unlimitedScore = score;
        unlimitedThreshold = candidate.threshold();
      }
      if (score > bestScore && withinLimits(data, candidate, limits)) {
        bestScore = score;
        best = candidate;
      }
    }
    if (log != null && best != null) {
      log.printf(Locale.ROOT, "threshold %.3f, %s %.4f; without the --distinct limits %.3f, %.4f%n", best.threshold(),
          objective, bestScore, unlimitedThreshold, unlimitedScore);
    }
    if (best == null) {
      throw new UsageProblem("no threshold keeps the --distinct corpora within " + limits.minStoryShare()
          + " stories per article and stories of at most " + limits.maxStory() + " articles");
    }
    // The lowest merge threshold that costs nothing on train: merges stay for bridges the data does not refute.
    ClusteringSettings chosen = best;
    for (double merge : MERGE_THRESHOLDS) {
      ClusteringSettings candidate = chosen.withMergeThreshold(merge);
      double score = objective(data, candidate, reference);
      if (score >= bestScore - 1e-9 && withinLimits(data, candidate, limits)) {
        best = candidate;
        bestScore = Math.max(bestScore, score);
      }
    }
    return best;
  }

  private static boolean[] fittedSignals(List<String> signals) {
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
   * Per example, its weight in the regression: 1 when pooled; else each dataset's examples share an equal part of the
   * total count ({@code counts}: the examples per dataset, in the order they are listed), so the sum stays the count.
   */
  static double[] exampleWeights(List<Integer> counts, boolean equal) {
    int total = counts.stream().mapToInt(Integer::intValue).sum();
    double[] weights = new double[total];
    int i = 0;
    for (int count : counts) {
      double w = equal ? (double) total / (counts.size() * count) : 1;
      for (int k = 0; k < count; k++) {
        weights[i++] = w;
      }
    }
    return weights;
  }

  /** What the threshold search maximises for {@code settings} (see --objective). */
  private double objective(List<EnrichedDataset> data, ClusteringSettings settings, double[] reference) {
    if (objective.equals("mean")) {
      return labelledMeanBcubedF1(data, settings);
    }
    List<EnrichedDataset> labelled = data.stream().filter(d -> !d.proxy()).toList();
    double[] f1 = new double[labelled.size()];
    for (int i = 0; i < f1.length; i++) {
      EnrichedDataset d = labelled.get(i);
      f1[i] = ClusteringScores.score(d.goldByArticle(), OfflineReplay.stories(d.articles(), settings)).bcubedF1();
    }
    return worstMargin(f1, reference);
  }

  /** The smallest margin of a dataset's score over its reference: every dataset must beat its reference. */
  static double worstMargin(double[] scores, double[] reference) {
    if (scores.length != reference.length) {
      throw new IllegalArgumentException(scores.length + " scores for " + reference.length + " references");
    }
    double worst = Double.POSITIVE_INFINITY;
    for (int i = 0; i < scores.length; i++) {
      worst = Math.min(worst, scores[i] - reference[i]);
    }
    return worst;
  }

  /** Mean B-cubed F1 over the labelled datasets. */
  static double labelledMeanBcubedF1(List<EnrichedDataset> data, ClusteringSettings settings) {
    return data.stream().filter(d -> !d.proxy())
        .mapToDouble(d -> ClusteringScores.score(d.goldByArticle(), OfflineReplay.stories(d.articles(), settings)).bcubedF1())
        .average().orElse(0);
  }

  /** Whether {@code settings} keep every distinct-story corpus within {@code limits}. */
  static boolean withinLimits(List<EnrichedDataset> data, ClusteringSettings settings, ProxyLimits limits) {
    return data.stream().filter(EnrichedDataset::proxy)
        .allMatch(d -> limits.admits(ProxyLimits.Shape.of(OfflineReplay.stories(d.articles(), settings))));
  }
}
