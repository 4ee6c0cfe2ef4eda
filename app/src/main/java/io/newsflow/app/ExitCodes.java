package io.newsflow.app;

/** Exit codes of the newsflow command. */
final class ExitCodes {
  static final int OK = 0;
  /** The command ran but some input was rejected (reported on stderr and sent to dead letters). */
  static final int REJECTED_INPUT = 1;
  /** Wrong flags or configuration. */
  static final int USAGE = 2;
  /** The command could not do its work (broker unreachable, pipeline never idle, ...). */
  static final int FAILED = 3;

  private ExitCodes() {}
}
