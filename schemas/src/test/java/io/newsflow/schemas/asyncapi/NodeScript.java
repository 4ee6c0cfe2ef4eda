package io.newsflow.schemas.asyncapi;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Node.js script of this module's tests, its npm packages installed by {@code npm ci} in its folder. */
final class NodeScript {
  private static final long TIMEOUT_SECONDS = 120;
  private final Path dir;
  private final String script;

  private NodeScript(Path dir, String script) {
    this.dir = dir;
    this.script = script;
  }

  /** Fails the test, saying what to install, when Node.js or one of {@code packages} is missing. */
  static NodeScript in(String folder, String script, String... packages) {
    Path dir = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")), folder).toAbsolutePath();
    String version = nodeVersion();
    for (String name : packages) {
      if (!Files.isDirectory(dir.resolve("node_modules").resolve(name))) {
        fail("npm package " + name + " is missing in " + dir + ": run `npm ci` there"
            + " (`./mvnw verify` does it in pre-integration-test); node is " + version);
      }
    }
    return new NodeScript(dir, script);
  }

  /** Runs the script with {@code args}; its standard output, or a failure with its standard error. */
  String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("node-out", ".txt");
    Path err = Files.createTempFile("node-err", ".txt");
    try {
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s; stderr: " + Files.readString(err));
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        fail(String.join(" ", command) + " exited with " + process.exitValue() + "; stderr: " + Files.readString(err));
      }
      return stdout;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static String nodeVersion() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("`node --version` did not answer within " + TIMEOUT_SECONDS + " s");
      }
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return fail("Node.js is required but `node` is not on the PATH (" + e.getMessage()
          + "); install Node.js 20 or later (Debian: apt-get install nodejs npm)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted waiting for node");
    }
  }
}
