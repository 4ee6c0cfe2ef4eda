package io.newsflow.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The labelled corpora in {@code shared/data} beside the repository: read by path, never copied in. */
public final class SharedData {
  private SharedData() {}

  /** {@code relative} under shared/data; fails the test with a clear message when the data is absent. */
  public static Path path(String relative) {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data").resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("shared/data/" + relative + " not found beside the repository: "
        + "tests that read the shared corpora need the shared/ folder next to the checkout");
  }
}
