package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.ScoreWeights;
import io.newsflow.platform.config.NewsflowConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  @Test
  void fitsOnTheTrainSplitAndWritesSettingsTheAggregateReads() throws Exception {
    Path fitted = dir.resolve("fitted.properties");

    int exit = run("fit", "--dataset", GVC.toString(), "--output", fitted.toString());

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("logistic regression on ", "fitted on split train", "gvc_documents: b-cubed f1 ");
    ClusteringSettings read = ClusteringSettings.from(
        NewsflowConfig.load(Optional.of(fitted), Map.of(), Map.of()));
    // The scale is the term weight's; the signals left out by default stay 0; the threshold is a real cut.
    assertThat(read.weights().terms()).isEqualTo(1.0);
    assertThat(read.weights().gap()).isZero();
    assertThat(read.weights().entityConflict()).isZero();
    assertThat(read.weights().rareEntities()).as("shared rare names favour the article's own story").isPositive();
    assertThat(read.threshold()).isPositive();
    assertThat(Files.readAllLines(fitted)).hasSize(ScoreWeights.SETTINGS.size() + 2).contains("aggregate.merge-threshold=" + (Double.isInfinite(read.mergeThreshold()) ? "Infinity" : String.format(java.util.Locale.ROOT, "%.3f", read.mergeThreshold())));
  }

  @Test
  void anUnknownSignalIsAUsageErrorThatNamesTheKnownOnes() {
    int exit = run("fit", "--dataset", GVC.toString(), "--signals", "terms,weather");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("error: --signals: unknown signal 'weather'; known: terms, entities, title, gap, entity-conflict, "
            + "year-conflict, persons, places, organizations, rare-entities, story-size");
  }
}
