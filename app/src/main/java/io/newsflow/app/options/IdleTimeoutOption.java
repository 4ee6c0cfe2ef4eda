package io.newsflow.app.options;

import io.newsflow.app.UsageProblem;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --idle-timeout}, shared by every command that waits for the pipeline to go idle: one flag, one default. */
public final class IdleTimeoutOption {
  @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "PT1H",
      description = "Give up waiting for the pipeline to go idle after this long (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration value;

  /** The timeout; a usage error when it is not positive. */
  public Duration get() {
    if (value.isNegative() || value.isZero()) {
      throw new UsageProblem("--idle-timeout must be positive, got " + value);
    }
    return value;
  }
}
