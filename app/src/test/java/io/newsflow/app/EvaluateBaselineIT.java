package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow evaluate --baseline}: the model through the real pipeline and the baseline on the same documents. */
class EvaluateBaselineIT {
  @TempDir Path dir;

  @Test
  void printsTheBaselinesScoresBesideTheModels() throws Exception {
    // Given two pairs of identical texts, the second pair labelled as two clusters: whatever the order, the baseline
    // puts each pair in one story, so its B-cubed precision is (1 + 1 + 1/2 + 1/2) / 4 = 0.75 and recall 1.
    Path dataset = dir.resolve("pairs.jsonl");
    Files.writeString(dataset, String.join("\n",
        "{\"doc_id\":\"1\",\"cluster_id\":\"a\",\"split\":\"test\",\"title\":\"Harbour bridge reopens\",\"text\":\"The harbour bridge reopened to traffic on Monday after repairs.\"}",
        "{\"doc_id\":\"2\",\"cluster_id\":\"a\",\"split\":\"test\",\"title\":\"Harbour bridge reopens\",\"text\":\"The harbour bridge reopened to traffic on Monday after repairs.\"}",
        "{\"doc_id\":\"3\",\"cluster_id\":\"b\",\"split\":\"test\",\"title\":\"Orchestra tours Japan\",\"text\":\"The city orchestra begins a concert tour of Japan in spring.\"}",
        "{\"doc_id\":\"4\",\"cluster_id\":\"c\",\"split\":\"test\",\"title\":\"Orchestra tours Japan\",\"text\":\"The city orchestra begins a concert tour of Japan in spring.\"}",
        ""));
    InProcessNewsflow cli = new InProcessNewsflow();

    // When
    int exit = cli.run("evaluate", "--dataset", dataset.toString(), "--baseline", "--baseline-threshold", "0.5",
        "--data-dir", dir.resolve("data").toString());

    // Then
    assertThat(exit).as(cli.err()).isZero();
    assertThat(cli.out()).contains("baseline (tf-idf single pass, threshold 0.50): 2 stories",
        "baseline b-cubed: precision 0.7500 recall 1.0000 f1 0.8571", "baseline-b-cubed-f1: 0.8571")
        .containsPattern("(?m)^b-cubed-f1: \\d\\.\\d{4}$");
  }

  @Test
  void withoutTrainOrDevDocumentsTheThresholdMustBeGiven() throws Exception {
    Path dataset = dir.resolve("test-only.jsonl");
    Files.writeString(dataset, "{\"doc_id\":\"1\",\"cluster_id\":\"a\",\"split\":\"test\",\"text\":\"A lone report.\"}\n");
    InProcessNewsflow cli = new InProcessNewsflow();

    int exit = cli.run("evaluate", "--dataset", dataset.toString(), "--baseline", "--data-dir", dir.resolve("data").toString());

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("no train or dev documents to tune the baseline's threshold on; give --baseline-threshold");
  }
}
