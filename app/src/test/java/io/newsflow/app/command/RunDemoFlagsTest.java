package io.newsflow.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.InProcessNewsflow;
import org.junit.jupiter.api.Test;

/** {@code run --demo-rate}: refused, before anything starts, where no demo would run or at an unusable rate. */
class RunDemoFlagsTest {
  @Test
  void aDemoRateWithARealSourceIsAUsageError() {
    for (String[] flags : new String[][] {{"--input", "x.jsonl"}, {"--push"}, {"--feeds", "feeds.txt"},
        {"--exit-when-idle"}}) {
      InProcessNewsflow cli = new InProcessNewsflow();
      String[] args = new String[flags.length + 3];
      args[0] = "run";
      args[1] = "--demo-rate";
      args[2] = "5";
      System.arraycopy(flags, 0, args, 3, flags.length);

      assertThat(cli.run(args)).as(cli.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(cli.err()).contains("--demo-rate paces the live demo, which runs only without --input");
    }
  }

  @Test
  void aRateThatIsNotAboveZeroIsAUsageError() {
    for (String rate : new String[] {"0", "-3", "NaN", "1e9"}) {
      InProcessNewsflow cli = new InProcessNewsflow();

      assertThat(cli.run("run", "--demo-rate", rate)).as(cli.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(cli.err()).contains("--demo-rate: the demo rate must be above 0");
    }
  }

  @Test
  void helpSaysABareRunIsALiveDemo() {
    InProcessNewsflow cli = new InProcessNewsflow();

    assertThat(cli.run("run", "--help")).isZero();
    assertThat(cli.out()).contains("Without --input, --push or --feeds it is a live demo").contains("--demo-rate");
  }
}
