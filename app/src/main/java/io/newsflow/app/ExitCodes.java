package io.newsflow.app;


/** Exit codes of the newsflow command. */
public final class ExitCodes {
  public static final int OK = 0;
  /** The command ran but some input was rejected (reported on stderr and sent to dead letters). */
  public static final int REJECTED_INPUT = 1;
  /** Wrong flags or configuration. */
  public static final int USAGE = 2;
  /** The command could not do its work (broker unreachable, pipeline never idle, ...). */
  public static final int FAILED = 3;

  private ExitCodes() {}
}
