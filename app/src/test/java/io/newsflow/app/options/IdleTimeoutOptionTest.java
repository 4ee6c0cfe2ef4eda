package io.newsflow.app.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.Newsflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code --idle-timeout} is one flag with one default in every command that waits for the pipeline. */
class IdleTimeoutOptionTest {
  record Result(int exit, String out, String err) {}

  static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyCommandThatWaitsForIdleOffersTheSameFlagAndDefault() {
    for (String command : new String[] {"run", "replay", "reprocess", "evaluate", "bench"}) {
      Result help = run((command + " --help").split(" "));
      assertThat(help.exit()).as(command).isZero();
      assertThat(help.out().replaceAll("\\s+", " ")).as(command)
          .contains("--idle-timeout=DURATION Give up waiting for the pipeline to go idle after this long (ISO-8601, default PT1H).");
    }
  }

  @Test
  void aTimeoutThatIsNotPositiveIsAUsageError() {
    Result bench = run("bench", "--idle-timeout", "PT0S", "--bootstrap-servers=127.0.0.1:1");
    assertThat(bench.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(bench.err()).contains("error: --idle-timeout must be positive, got PT0S");
  }
}
