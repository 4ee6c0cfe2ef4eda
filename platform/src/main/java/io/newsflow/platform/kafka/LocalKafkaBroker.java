package io.newsflow.platform.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker and controller) running in this
 * JVM, for {@code newsflow run} and the integration tests. Loopback only. Storage is formatted on
 * first start and reused after, so topics and offsets survive a restart.
 *
 * <p>{@link #startSecured} runs it as a cluster with access control would: clients log in with
 * SASL/SCRAM-SHA-512 and the {@code StandardAuthorizer} enforces ACLs, with one super user, the admin,
 * whose credentials are written into the storage when it is formatted.
 */
public final class LocalKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
  private static final String HOST = "127.0.0.1";
  private static final String CONTROLLER = "CONTROLLER";
  private static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Path dataDir;
  private final Optional<ScramLogin> admin;

  private LocalKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir, Optional<ScramLogin> admin) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.dataDir = dataDir;
    this.admin = admin;
  }

  /**
   * Starts a broker with its data under {@code dataDir}, listening on {@code preferredPort} or, when
   * that is taken (or 0), on a free port. Returns once the broker answers metadata requests.
   */
  public static LocalKafkaBroker start(Path dataDir, int preferredPort) {
    return start(dataDir, preferredPort, Optional.empty());
  }

  /**
   * As {@link #start(Path, int)}, but clients must log in with SASL/SCRAM-SHA-512 and need ACLs for
   * what they do; {@code admin} is the super user (the broker itself logs in as it). The admin's
   * credential is set when the storage is formatted: restart a data directory with the same admin.
   */
  public static LocalKafkaBroker startSecured(Path dataDir, int preferredPort, ScramLogin admin) {
    return start(dataDir, preferredPort, Optional.of(admin));
  }

  private static LocalKafkaBroker start(Path dataDir, int preferredPort, Optional<ScramLogin> admin) {
    try {
      Path logDir = dataDir.resolve("kafka-logs").toAbsolutePath();
      Files.createDirectories(logDir);
      int port = portOrFree(preferredPort);
      int controllerPort = portOrFree(0);
      Properties props = serverProperties(logDir, port, controllerPort);
      admin.ifPresent(a -> props.putAll(securedProperties(port, controllerPort, a)));
      writeForOperators(dataDir.resolve("server.properties"), props);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(logDir, admin);
      }
      KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
      server.startup();
      String bootstrap = HOST + ":" + port;
      awaitReady(bootstrap, admin);
      LOG.info("Kafka broker ready on {}{} (data in {})", bootstrap,
          admin.isPresent() ? " with SASL/SCRAM and ACLs" : "", logDir);
      return new LocalKafkaBroker(server, bootstrap, dataDir, admin);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start local Kafka broker in " + dataDir + ": " + e.getMessage(), e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** What a client needs besides {@code bootstrap.servers} to act as the admin (nothing on an open broker). */
  public Map<String, String> adminClientSettings() {
    return admin.map(ScramLogin::clientSettings).orElse(Map.of());
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Kafka broker on {} stopped", bootstrapServers);
  }

  /** The settings without which a single node cannot run exactly-once or groups (see NOTES.md). */
  static Properties serverProperties(Path logDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.putAll(Map.ofEntries(
        Map.entry("process.roles", "broker,controller"),
        Map.entry("node.id", "1"),
        Map.entry("controller.quorum.voters", "1@" + HOST + ":" + controllerPort),
        Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort),
        Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port),
        Map.entry("controller.listener.names", "CONTROLLER"),
        Map.entry("inter.broker.listener.name", "PLAINTEXT"),
        Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
        Map.entry("log.dirs", logDir.toString()),
        Map.entry("metadata.log.dir", logDir.toString()),
        Map.entry("num.partitions", "1"),
        Map.entry("auto.create.topics.enable", "false"),
        Map.entry("offsets.topic.replication.factor", "1"),
        Map.entry("offsets.topic.num.partitions", "5"),
        Map.entry("transaction.state.log.replication.factor", "1"),
        Map.entry("transaction.state.log.min.isr", "1"),
        Map.entry("transaction.state.log.num.partitions", "5"),
        Map.entry("share.coordinator.state.topic.replication.factor", "1"),
        Map.entry("share.coordinator.state.topic.min.isr", "1"),
        Map.entry("group.initial.rebalance.delay.ms", "0"),
        Map.entry("group.streams.initial.rebalance.delay.ms", "0"),
        Map.entry("group.streams.heartbeat.interval.ms", "1000"),
        Map.entry("group.streams.min.heartbeat.interval.ms", "500"),
        Map.entry("log.cleaner.backoff.ms", "1000"),
        Map.entry("log.segment.bytes", String.valueOf(64 * 1024 * 1024))));
    return p;
  }

  /**
   * SASL on both listeners. Clients and the broker's own inter-broker requests use SCRAM; the
   * controller listener uses PLAIN with the admin as its only user, as SCRAM credentials live in the
   * metadata the controller serves and cannot authenticate the controller's own connections.
   */
  static Properties securedProperties(int port, int controllerPort, ScramLogin admin) {
    Properties p = new Properties();
    String plainJaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin.user()
        + "\" password=\"" + admin.password() + "\" user_" + admin.user() + "=\"" + admin.password() + "\";";
    p.putAll(Map.ofEntries(
        Map.entry("listeners", "SASL_PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER + "://" + HOST + ":"
            + controllerPort),
        Map.entry("advertised.listeners", "SASL_PLAINTEXT://" + HOST + ":" + port),
        Map.entry("inter.broker.listener.name", "SASL_PLAINTEXT"),
        Map.entry("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT," + CONTROLLER + ":SASL_PLAINTEXT"),
        Map.entry("listener.name.sasl_plaintext.sasl.enabled.mechanisms", ScramLogin.MECHANISM),
        Map.entry("sasl.mechanism.inter.broker.protocol", ScramLogin.MECHANISM),
        Map.entry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", admin.jaasConfig()),
        Map.entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN"),
        Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
        Map.entry("listener.name.controller.plain.sasl.jaas.config", plainJaas),
        Map.entry("authorizer.class.name", AUTHORIZER),
        Map.entry("super.users", admin.principal()),
        Map.entry("allow.everyone.if.no.acl.found", "false")));
    return p;
  }

  private static void format(Path logDir, Optional<ScramLogin> admin) {
    try (PrintStream quiet = new PrintStream(OutputStream.nullOutputStream())) {
      new Formatter()
          .setScramArguments(admin.map(a -> List.of(ScramLogin.MECHANISM + "=[name=" + a.user() + ",password="
              + a.password() + "]")).orElse(List.of()))
          .setPrintStream(quiet)
          .setNodeId(1)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(logDir.toString())
          .setControllerListenerName("CONTROLLER")
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .setReleaseVersion(MetadataVersion.latestProduction())
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + logDir + ": " + e.getMessage(), e);
    }
  }

  private static void awaitReady(String bootstrap, Optional<ScramLogin> login) {
    Map<String, Object> settings = new HashMap<>(login.map(ScramLogin::clientSettings).orElse(Map.of()));
    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000");
    try (Admin admin = Admin.create(settings)) {
      admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("local Kafka broker on " + bootstrap + " did not become ready: " + e.getMessage(), e);
    }
  }

  static int portOrFree(int preferred) throws IOException {
    if (preferred > 0) {
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), preferred));
        return preferred;
      } catch (IOException taken) {
        LOG.info("port {} is taken, using a free port", preferred);
      }
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  /** The file shows the settings, never the admin's password. */
  private static void writeForOperators(Path file, Properties props) throws IOException {
    Properties shown = new Properties();
    props.forEach((k, v) -> shown.put(k, String.valueOf(k).endsWith("jaas.config") ? "[hidden]" : v));
    try (Writer out = Files.newBufferedWriter(file)) {
      shown.store(out, "Settings of the local broker started by newsflow (written at each start)");
    }
  }
}
