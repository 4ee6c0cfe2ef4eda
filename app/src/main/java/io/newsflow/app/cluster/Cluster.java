package io.newsflow.app.cluster;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.app.UsageProblem;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.kafka.LocalKafkaBroker;
import io.newsflow.platform.kafka.TopicProvisioner;
import io.newsflow.platform.registry.LocalSchemaRegistry;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * The Kafka cluster and schema registry a command works against: the ones configured, or, where
 * none is configured and the command allows it, a local broker and registry started in this process.
 */
public final class Cluster implements AutoCloseable {
  /** Preferred ports of a local broker and registry; a free port is used when one is taken. */
  static final String LOCAL_KAFKA_PORT = "local.kafka.port";
  static final String LOCAL_REGISTRY_PORT = "local.schema-registry.port";

  private final NewsflowConfig config;
  private final HttpSchemaRegistryClient registry;
  private final Topics topics;
  private final List<AutoCloseable> started;
  /** Every service built against this cluster reports here; {@code /metrics} serves it. */
  private final PrometheusMeterRegistry meters;

  private Cluster(NewsflowConfig config, List<AutoCloseable> started, PrometheusMeterRegistry meters) {
    this.config = config;
    this.started = started;
    this.meters = meters;
    this.registry = new HttpSchemaRegistryClient(config.require(NewsflowConfig.SCHEMA_REGISTRY_URL));
    this.topics = new Topics(TopicNames.fromSettings(config.asMap()), config.getInt(NewsflowConfig.PARTITIONS),
        config.publicCompression(), registry);
  }

  /** Connects to the configured cluster; starts a local broker and registry for what is not configured. */
  public static Cluster startOrConnect(NewsflowConfig config) {
    return startOrConnect(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /**
   * The same, its services reporting to {@code meters} (closed with the cluster): a command that serves
   * {@code /metrics} before the cluster is up passes the registry it serves.
   */
  public static Cluster startOrConnect(NewsflowConfig config, PrometheusMeterRegistry meters) {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      if (config.get(NewsflowConfig.BOOTSTRAP_SERVERS).isEmpty()) {
        Path dir = Path.of(config.require(NewsflowConfig.DATA_DIR), "kafka");
        LocalKafkaBroker broker = LocalKafkaBroker.start(dir, (int) config.getLong(LOCAL_KAFKA_PORT, 9092));
        started.add(broker);
        config = config.with(NewsflowConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
      }
      if (config.get(NewsflowConfig.SCHEMA_REGISTRY_URL).isEmpty()) {
        LocalSchemaRegistry registry = LocalSchemaRegistry.start(config.require(NewsflowConfig.BOOTSTRAP_SERVERS),
            (int) config.getLong(LOCAL_REGISTRY_PORT, 8081));
        started.add(registry);
        config = config.with(NewsflowConfig.SCHEMA_REGISTRY_URL, registry.url());
      }
      return new Cluster(config, started, meters);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /** Connects to the configured cluster and registry; both must be given. */
  public static Cluster connect(NewsflowConfig config) {
    if (config.get(NewsflowConfig.BOOTSTRAP_SERVERS).isEmpty()) {
      throw new UsageProblem("--bootstrap-servers is required (or NEWSFLOW_BOOTSTRAP_SERVERS, or bootstrap.servers in --config)");
    }
    if (config.get(NewsflowConfig.SCHEMA_REGISTRY_URL).isEmpty()) {
      throw new UsageProblem("--schema-registry-url is required (or NEWSFLOW_SCHEMA_REGISTRY_URL, or schema.registry.url in --config)");
    }
    return new Cluster(config, new ArrayList<>(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public NewsflowConfig config() {
    return config;
  }

  public HttpSchemaRegistryClient registry() {
    return registry;
  }

  public Topics topics() {
    return topics;
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  public Admin admin() {
    return Admin.create(config.kafkaClientProperties());
  }

  /** Creates the catalogue's topics that are missing; the article topics must have the configured partitions. */
  public void provisionTopics() {
    try (Admin admin = admin()) {
      short replication = (short) config.getInt(NewsflowConfig.REPLICATION_FACTOR);
      TopicProvisioner provisioner = new TopicProvisioner(admin, replication);
      provisioner.ensure(topics.all());
      provisioner.requirePartitions(List.of(topics.raw(), topics.enriched()));
    }
  }

  /** Deletes every topic whose name starts with {@code prefix}: a finished evaluation's topics and internal topics. */
  public void deleteNamespace(String prefix) {
    try (Admin admin = admin()) {
      var names = admin.listTopics().names().get().stream().filter(n -> n.startsWith(prefix)).toList();
      admin.deleteTopics(names).all().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("cannot delete topics under " + prefix + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    meters.close();
    closeAll(started);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    List<AutoCloseable> reversed = new ArrayList<>(resources);
    Collections.reverse(reversed);
    for (AutoCloseable r : reversed) {
      try {
        r.close();
      } catch (Exception e) {
        // Shutting down: keep closing the rest.
      }
    }
  }
}
