package io.newsflow.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.Newsflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Wrong flags of replay, reprocess and compare: exit code 2 and one line saying what is wrong, before any connection. */
class ReplayFlagsTest {
  private static final String CLUSTER = "--bootstrap-servers=127.0.0.1:1";

  private static String[] run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    assertThat(exit).as("exit code of %s", String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    return err.toString(StandardCharsets.UTF_8).split("\n");
  }

  @Test
  void replayRefusesABadSpeedOrDate() {
    assertThat(run("replay", "--input", "a.jsonl", "--speed", "fast", CLUSTER))
        .containsExactly("error: --speed must be max, realtime or a positive factor such as 1000x, got 'fast'");
    assertThat(run("replay", "--input", "a.jsonl", "--from", "yesterday", CLUSTER))
        .containsExactly("error: --from must be a date (1987-03-01) or an instant (1987-03-01T12:00:00Z), got 'yesterday'");
    assertThat(run("replay", "--input", "a.jsonl", "--from", "1987-03-02", "--to", "1987-03-01", CLUSTER))
        .containsExactly("error: --from 1987-03-02T00:00:00Z must be before --to 1987-03-01T00:00:00Z");
  }

  @Test
  void missingAndUnknownFlagsAreOneLineToo() {
    assertThat(run("replay", "--speed", "max"))
        .containsExactly("error: Missing required option: '--input=PATH' (see: newsflow replay --help)");
    assertThat(run("compare", "--topic-a", "x", "--topic-b", "y", "--colour"))
        .containsExactly("error: Unknown option: '--colour' (see: newsflow compare --help)");
  }

  @Test
  void reprocessNeedsAKnownServiceAndEitherAVersionOrReset() {
    assertThat(run("reprocess", "--service", "ingest", "--version", "2", CLUSTER))
        .containsExactly("error: --service must be enrich or aggregate, got 'ingest'");
    assertThat(run("reprocess", "--service", "aggregate", CLUSTER))
        .containsExactly("error: give either --version V (a new version beside the live one) or --reset (in place), not neither");
    assertThat(run("reprocess", "--service", "aggregate", "--version", "2", "--reset", CLUSTER))
        .containsExactly("error: give either --version V (a new version beside the live one) or --reset (in place), not both");
    assertThat(run("reprocess", "--service", "enrich", "--version", "v 2", CLUSTER))
        .containsExactly("error: --version must be 1-40 letters, digits, '.', '_' or '-', starting with a letter or digit, got 'v 2'");
  }
}
