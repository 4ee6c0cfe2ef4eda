package io.newsflow.platform;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.config.PipelineNamespace;
import io.newsflow.platform.kafka.LocalKafkaBroker;
import io.newsflow.platform.registry.LocalSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;

/**
 * One real Kafka broker per test JVM, shared by every integration test class, started on first use
 * and stopped when the JVM exits; likewise one local schema registry on it (topic {@code _schemas}),
 * started on first use of {@link #schemaRegistryUrl()} and stopped before the broker. Tests isolate
 * themselves with their own topic names or group ids (and subjects, which follow topic names).
 */
public final class TestCluster {
  private static volatile LocalKafkaBroker broker;
  private static volatile LocalSchemaRegistry schemaRegistry;

  private TestCluster() {}

  public static synchronized LocalKafkaBroker broker() {
    if (broker == null) {
      try {
        Path dir = Files.createTempDirectory(Files.createDirectories(Paths.get("target")), "kafka-");
        broker = LocalKafkaBroker.start(dir, 0);
        Runtime.getRuntime().addShutdownHook(new Thread(TestCluster::shutdown, "test-cluster-shutdown"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return broker;
  }

  public static String bootstrapServers() {
    return broker().bootstrapServers();
  }

  /** Base URL of the shared local schema registry (e.g. {@code http://127.0.0.1:40123}), started on first use. */
  public static synchronized String schemaRegistryUrl() {
    if (schemaRegistry == null) {
      schemaRegistry = LocalSchemaRegistry.start(bootstrapServers(), 0);
    }
    return schemaRegistry.url();
  }

  /**
   * Settings for the shared cluster with topic names and application ids of their own, so tests
   * sharing the broker never see each other's records or offsets; state under {@code dataDir}.
   */
  public static NewsflowConfig isolatedConfig(Path dataDir) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return PipelineNamespace.apply(NewsflowConfig.defaults()
        .with(NewsflowConfig.BOOTSTRAP_SERVERS, bootstrapServers())
        .with(NewsflowConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl())
        .with(NewsflowConfig.DATA_DIR, dataDir.toString())
        .with("ingest.instance", "it-" + run), "it-" + run);
  }

  /** The one shutdown hook: the registry first, as it needs the broker to close cleanly. */
  private static void shutdown() {
    LocalSchemaRegistry registry = schemaRegistry;
    if (registry != null) {
      try {
        registry.close();
      } catch (RuntimeException e) {
        System.err.println("closing the test schema registry failed: " + e);
      }
    }
    LocalKafkaBroker kafka = broker;
    if (kafka != null) {
      kafka.close();
    }
  }
}
