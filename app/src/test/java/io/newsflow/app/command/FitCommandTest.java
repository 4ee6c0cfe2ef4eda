package io.newsflow.app.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.ScoreWeights;
import io.newsflow.app.ExitCodes;
import io.newsflow.app.InProcessNewsflow;
import io.newsflow.platform.config.NewsflowConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
  private static final Path GVC = Path.of("..", "..", "shared", "data", "gvc", "gvc_documents.jsonl.gz");

  @TempDir
  Path dir;

  private final InProcessNewsflow cli = new InProcessNewsflow();

  @Test
  void fitsOnTheTrainSplitAndWritesSettingsTheAggregateReads() throws Exception {
    Path fitted = dir.resolve("fitted.properties");

    int exit = cli.run("fit", "--dataset", GVC.toString(), "--output", fitted.toString());

    assertThat(exit).as(cli.err()).isZero();
    String printed = cli.out();
    assertThat(printed).contains("logistic regression on ", "fitted on split train", "gvc_documents: b-cubed f1 ");
    ClusteringSettings read = ClusteringSettings.from(
        NewsflowConfig.load(Optional.of(fitted), Map.of(), Map.of()));
    // The scale is the term weight's; the signals left out by default stay 0; the threshold is a real cut.
    assertThat(read.weights().terms()).isEqualTo(1.0);
    assertThat(read.weights().gap()).isZero();
    assertThat(read.weights().places()).isZero();
    assertThat(read.weights().rareEntities()).as("shared rare names favour the article's own story").isPositive();
    assertThat(read.weights().details()).as("shared names and numbers favour the article's own story").isPositive();
    assertThat(read.threshold()).isPositive();
    assertThat(Files.readAllLines(fitted)).hasSize(ScoreWeights.SETTINGS.size() + 2).contains("aggregate.merge-threshold=" + (Double.isInfinite(read.mergeThreshold()) ? "Infinity" : String.format(java.util.Locale.ROOT, "%.3f", read.mergeThreshold())));
  }

  @Test
  void weightsFittedWithoutThePriorSayItSoTheAggregateCountsAsTheyWereFitted() throws Exception {
    Path fitted = dir.resolve("no-prior.properties");

    int exit = cli.run("fit", "--dataset", GVC.toString(), "--idf-prior", "false", "--output", fitted.toString());

    assertThat(exit).as(cli.err()).isZero();
    assertThat(Files.readAllLines(fitted)).contains("aggregate.idf-prior=false");
    assertThat(ClusteringSettings.from(NewsflowConfig.load(Optional.of(fitted), Map.of(), Map.of())).idfPrior()).isFalse();
    // With the prior (the default) nothing more is written: the first test counts the lines.
  }

  @Test
  void anUnknownSignalIsAUsageErrorThatNamesTheKnownOnes() {
    int exit = cli.run("fit", "--dataset", GVC.toString(), "--signals", "terms,weather");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip())
        .isEqualTo("error: --signals: unknown signal 'weather'; known: terms, entities, title, gap, entity-conflict, "
            + "year-conflict, persons, places, organizations, rare-entities, story-size, details");
  }

  @Test
  void foldsPrintEachFoldOfTheModelAndTheBaselineAndFitOnTrainPlusDev() throws Exception {
    int exit = cli.run("fit", "--dataset", GVC.toString(), "--folds", "3", "--signals", "terms,details,title");

    assertThat(exit).as(cli.err()).isZero();
    // GVC's 436 train + dev documents in 207 incidents.
    assertThat(cli.out()).contains("gvc_documents: 436 documents, 207 events, folds of ", "chosen: terms,details,title",
            "fitted on train + dev with terms, details, title")
        .containsPattern("(?m)^fold 3: gvc_documents model [01]\\.\\d{4} baseline [01]\\.\\d{4} \\(threshold 0\\.\\d\\d\\)$")
        .containsPattern("(?m)^cross-validated model: gvc_documents 0\\.\\d{4} ± 0\\.\\d{4}, mean ")
        .containsPattern("(?m)^cross-validated baseline: gvc_documents 0\\.\\d{4} ± 0\\.\\d{4}, mean ")
        .doesNotContain("fold 4:");
  }

  @Test
  void foldsAreOverTrainPlusDevSoASplitIsAUsageError() {
    int exit = cli.run("fit", "--dataset", GVC.toString(), "--folds", "5", "--split", "dev");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("--folds cross-validates over train + dev: leave out --split");
  }

  @Test
  void ofCandidatesWithinOneStandardErrorOfTheBestTheOneWithFewestSignalsIsChosen() {
    List<List<String>> candidates = List.of(List.of("terms", "details", "title"), List.of("terms"), List.of("terms", "title"));
    // Best: 0.85, sd 0.0577 over 4 folds, standard error 0.0289: down to 0.8211. Terms alone (0.83) is within it,
    // terms and title (0.70) is not.
    List<double[]> folds = List.of(new double[] {0.80, 0.90, 0.80, 0.90}, new double[] {0.82, 0.84, 0.82, 0.84},
        new double[] {0.70, 0.70, 0.70, 0.70});

    assertThat(FitCommand.simplestWithinOneStandardError(candidates, folds)).isEqualTo(1);
    // Terms alone at 0.81 is within one sd of the best (0.7923) but not within one standard error.
    assertThat(FitCommand.simplestWithinOneStandardError(candidates, List.of(new double[] {0.80, 0.90, 0.80, 0.90},
        new double[] {0.80, 0.82, 0.80, 0.82}, new double[] {0.70, 0.70, 0.70, 0.70}))).isZero();
  }

  @Test
  void equalExampleWeightsGiveEachDatasetTheSameTotalAndKeepTheCount() {
    double[] equal = FitCommand.exampleWeights(List.of(3, 1), true);
    double[] pooled = FitCommand.exampleWeights(List.of(3, 1), false);

    // 4 examples: the first dataset's 3 share 2, the second's 1 gets 2.
    assertThat(equal).containsExactly(2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0);
    assertThat(pooled).containsExactly(1.0, 1.0, 1.0, 1.0);
  }

  @Test
  void theWorstMarginIsTheDatasetFurthestBelowItsBaseline() {
    // Ahead by 0.07 on the first dataset, behind by 0.01 on the second: the margin is the second's.
    assertThat(FitCommand.worstMargin(new double[] {0.90, 0.94}, new double[] {0.83, 0.95})).isCloseTo(-0.01, within(1e-12));
    // The mean prefers the first setting (0.92 against 0.915); the worst margin prefers the second (0.01 against -0.01).
    assertThat(FitCommand.worstMargin(new double[] {0.87, 0.96}, new double[] {0.83, 0.95}))
        .isGreaterThan(FitCommand.worstMargin(new double[] {0.90, 0.94}, new double[] {0.83, 0.95}));
  }

  @Test
  void anUnknownObjectiveIsAUsageError() {
    int exit = cli.run("fit", "--dataset", GVC.toString(), "--objective", "median");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("--objective must be mean or worst-margin, got median");
  }

  @Test
  void aShorterIdleCloseLeavesFewerCandidatesToFitOn() {
    assertThat(cli.run("fit", "--dataset", GVC.toString())).as(cli.err()).isZero();
    long byDefault = candidates(cli.out());
    InProcessNewsflow hourly = new InProcessNewsflow();

    // GVC's documents are dated by day: closed after an idle hour, a story is no candidate for the next day's reports.
    assertThat(hourly.run("fit", "--dataset", GVC.toString(), "--idle-close", "PT1H")).as(hourly.err()).isZero();

    assertThat(candidates(hourly.out())).isPositive().isLessThan(byDefault);
  }

  private static long candidates(String printed) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("logistic regression on (\\d+) candidates").matcher(printed);
    assertThat(m.find()).as(printed).isTrue();
    return Long.parseLong(m.group(1));
  }
}
