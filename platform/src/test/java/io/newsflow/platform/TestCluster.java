package io.newsflow.platform;

import io.newsflow.platform.kafka.LocalKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * One real Kafka broker per test JVM, shared by every integration test class, started on first use
 * and stopped when the JVM exits. Tests isolate themselves with their own topic names or group ids.
 */
public final class TestCluster {
  private static LocalKafkaBroker broker;

  private TestCluster() {}

  public static synchronized LocalKafkaBroker broker() {
    if (broker == null) {
      try {
        Path dir = Files.createTempDirectory(Files.createDirectories(Paths.get("target")), "kafka-");
        broker = LocalKafkaBroker.start(dir, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-broker-shutdown"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return broker;
  }

  public static String bootstrapServers() {
    return broker().bootstrapServers();
  }
}
