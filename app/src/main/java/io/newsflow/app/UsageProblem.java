package io.newsflow.app;

/** A problem the user can fix (bad flag, missing file): printed as one line, exit code 2. */
final class UsageProblem extends RuntimeException {
  UsageProblem(String message) {
    super(message);
  }
}
