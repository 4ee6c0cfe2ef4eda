package io.newsflow.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.ScoreWeights;
import io.newsflow.app.ExitCodes;
import io.newsflow.app.InProcessNewsflow;
import io.newsflow.platform.config.NewsflowConfig;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void anUnknownSignalIsAUsageErrorThatNamesTheKnownOnes() {
    int exit = cli.run("fit", "--dataset", GVC.toString(), "--signals", "terms,weather");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().strip())
        .isEqualTo("error: --signals: unknown signal 'weather'; known: terms, entities, title, gap, entity-conflict, "
            + "year-conflict, persons, places, organizations, rare-entities, story-size, details");
  }
}
