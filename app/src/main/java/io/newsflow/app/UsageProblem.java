package io.newsflow.app;


/** A problem the user can fix (bad flag, missing file): printed as one line, exit code 2. */
public final class UsageProblem extends RuntimeException {
  public UsageProblem(String message) {
    super(message);
  }
}
