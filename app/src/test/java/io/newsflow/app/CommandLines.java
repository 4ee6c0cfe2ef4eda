package io.newsflow.app;

import io.newsflow.platform.config.NewsflowConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Runs {@code newsflow} commands in the test JVM against the settings of a test namespace. */
final class CommandLines {
  private CommandLines() {}

  /** What one command printed and returned. */
  record Result(int exit, String out, String err) {}

  /** {@code config} as a properties file for {@code --config}. */
  static Path write(NewsflowConfig config, Path file) throws IOException {
    Properties p = new Properties();
    p.putAll(config.asMap());
    Files.createDirectories(file.getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
    return file;
  }

  static Result run(Path configFile, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--config");
    all.add(configFile.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
    return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
