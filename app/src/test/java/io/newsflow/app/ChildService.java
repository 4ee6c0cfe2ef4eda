package io.newsflow.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One newsflow service in a JVM of its own, so that a test can kill it the hard way (SIGKILL). */
final class ChildService implements AutoCloseable {
  private final List<String> command;
  private final Path log;
  private Process process;

  ChildService(String service, Path configFile, Path dataDir, Path log) {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    this.command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", classpath,
        Newsflow.class.getName(), service, "--config", configFile.toString(), "--data-dir", dataDir.toString(),
        "--http-port", "0"));
    this.log = log;
  }

  ChildService start() throws IOException {
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    return this;
  }

  /** Kills the JVM without warning: no shutdown hooks, no commit, no transaction abort. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();   // SIGTERM: the graceful path
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
