package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.Operations;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.stories.TopicReader;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.ingest.IngestSettings;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.config.PipelineNamespace;
import io.newsflow.platform.http.OperationsServer;
import io.newsflow.platform.kafka.LocalKafkaBroker;
import io.newsflow.platform.kafka.ScramLogin;
import io.newsflow.platform.kafka.ServiceAcls;
import io.newsflow.platform.kafka.TopicProvisioner;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.ArticleAssignment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline on a broker that authenticates with SASL/SCRAM and enforces ACLs: each service logs in
 * as its own principal, configured only through {@code sasl.*} settings, with the ACLs of
 * {@link ServiceAcls}. It works where it belongs, is refused where it does not, and its password
 * shows in no log line and no metric.
 */
class SecuredPipelineIT {
  private static final ScramLogin ADMIN = new ScramLogin("admin", secret("admin"));
  private static final ScramLogin INGEST = new ScramLogin("newsflow-ingest", secret("ingest"));
  private static final ScramLogin ENRICH = new ScramLogin("newsflow-enrich", secret("enrich"));
  private static final ScramLogin AGGREGATE = new ScramLogin("newsflow-aggregate", secret("aggregate"));
  private static final List<ScramLogin> SERVICES = List.of(INGEST, ENRICH, AGGREGATE);

  private static CapturedLog log;
  private static LocalKafkaBroker broker;
  private static Path dir;
  private static NewsflowConfig shared;
  private static TopicNames names;

  @BeforeAll
  static void startSecuredBrokerWithOnePrincipalPerService() throws Exception {
    dir = Files.createTempDirectory(Files.createDirectories(Paths.get("target")), "secured-");
    log = CapturedLog.start();
    broker = LocalKafkaBroker.startSecured(dir.resolve("kafka"), 0, ADMIN);
    shared = PipelineNamespace.apply(NewsflowConfig.defaults()
        .with(NewsflowConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
        .with(NewsflowConfig.SCHEMA_REGISTRY_URL, TestCluster.schemaRegistryUrl())
        .with("ingest.instance", "secured"), "secured-" + UUID.randomUUID().toString().substring(0, 8));
    names = TopicNames.fromSettings(shared.asMap());
    try (Admin admin = Admin.create(adminSettings())) {
      List<UserScramCredentialAlteration> users = new ArrayList<>();
      for (ScramLogin login : SERVICES) {
        users.add(new UserScramCredentialUpsertion(login.user(),
            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), login.password()));
      }
      admin.alterUserScramCredentials(users).all().get();
      List<AclBinding> acls = new ArrayList<>();
      acls.addAll(ServiceAcls.ingest(INGEST.principal(), names, IngestSettings.from(shared).transactionalId()));
      acls.addAll(ServiceAcls.streamsApplication(ENRICH.principal(),
          StreamsSettings.applicationId(shared, EnrichTopology.APPLICATION_ID),
          // Ingest's progress, read into a global store: how far each raw partition is complete (ADR 31).
          List.of(names.raw(), names.ingestProgress()), List.of(names.enriched(), names.deadLetter())));
      acls.addAll(ServiceAcls.streamsApplication(AGGREGATE.principal(),
          // It reads its own snapshots and assignments back as the tables story queries answer from.
          StreamsSettings.applicationId(shared, AggregateTopology.APPLICATION_ID),
          List.of(names.enriched(), names.storySnapshots(), names.assignments()),
          List.of(names.storyEvents(), names.storySnapshots(), names.assignments(), names.deadLetter())));
      admin.createAcls(acls).all().get();
      // An operator creates the topics; the services hold no CREATE right on them.
      new TopicProvisioner(admin, (short) 1).ensure(new Topics(names, shared.getInt(NewsflowConfig.PARTITIONS), null).all());
    }
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
    if (log != null) {
      log.close();
    }
  }

  @Test
  void eachServiceRunsAsItsOwnPrincipalAndNoPasswordReachesLogsOrMetrics() throws Exception {
    Path input = dir.resolve("input");
    write(input.resolve("wire/quake.txt"), PipelineIT.QUAKE);
    write(input.resolve("nordic/budget.txt"), PipelineIT.BUDGET);
    try (Cluster ingest = Cluster.connect(as(INGEST, "ingest"));
         Cluster enrichCluster = Cluster.connect(as(ENRICH, "enrich"));
         Cluster aggregateCluster = Cluster.connect(as(AGGREGATE, "aggregate"));
         StreamsService enrich = Services.enrich(enrichCluster).start();
         StreamsService aggregate = Services.aggregate(aggregateCluster).start();
         OperationsServer operations = Operations.serve(enrichCluster, new PrintStream(new ByteArrayOutputStream()), enrich)) {
      // When: ingest loads two articles, which enrich and aggregate carry to stories
      IngestSummary summary = Services.ingestFiles(ingest, List.of(input), new PrintStream(new ByteArrayOutputStream()));
      assertThat(summary.published()).isEqualTo(2);

      // Then: both articles are assigned to stories, read back as the admin
      Map<String, ArticleAssignment> assignments = new HashMap<>();
      Properties adminClient = new Properties();
      adminClient.putAll(adminSettings());
      try (TopicReader<String, ArticleAssignment> reader =
               new TopicReader<>(adminClient, aggregateCluster.topics().assignments())) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
          reader.readAll().forEach(r -> assignments.put(r.key(), r.value()));
          assertThat(assignments).hasSize(2);
        });
      }
      String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(operations.url() + "/metrics"))
          .build(), HttpResponse.BodyHandlers.ofString()).body();

      // And: the broker and the clients logged their configuration, with no password in it or anywhere else
      assertThat(metrics).contains("kafka_consumer_");
      assertThat(log.text()).contains("KafkaConfig values", "ProducerConfig values", "sasl.jaas.config = [hidden]");
      String brokerSettings = Files.readString(dir.resolve("kafka/server.properties"));
      assertThat(brokerSettings).contains("authorizer.class.name", "[hidden]");
      for (ScramLogin login : List.of(ADMIN, INGEST, ENRICH, AGGREGATE)) {
        assertThat(log.text()).doesNotContain(login.password());
        assertThat(metrics).doesNotContain(login.password());
        assertThat(brokerSettings).doesNotContain(login.password());
      }
    }
  }

  @Test
  void aServiceIsRefusedWhereItDoesNotBelong() {
    // Ingest may not read the story events, enrich and aggregate may not write where they do not write
    assertThat(failure(() -> readOne(INGEST, names.storyEvents()))).hasAtLeastOneElementOfType(TopicAuthorizationException.class);
    assertThat(failure(() -> readOne(ENRICH, names.enriched()))).hasAtLeastOneElementOfType(TopicAuthorizationException.class);
    assertThat(failure(() -> writeOne(ENRICH, names.storyEvents()))).hasAtLeastOneElementOfType(TopicAuthorizationException.class);
    assertThat(failure(() -> writeOne(AGGREGATE, names.raw()))).hasAtLeastOneElementOfType(TopicAuthorizationException.class);
    assertThat(failure(() -> writeOne(INGEST, names.enriched()))).hasAtLeastOneElementOfType(TopicAuthorizationException.class);
    // And a wrong password does not log in at all
    assertThat(failure(() -> writeOne(new ScramLogin(INGEST.user(), "not-the-password"), names.raw())))
        .hasAtLeastOneElementOfType(SaslAuthenticationException.class);
  }

  /** The exception {@code action} throws and its causes. */
  private static List<Throwable> failure(org.assertj.core.api.ThrowableAssert.ThrowingCallable action) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(action);
    assertThat(thrown).as("the action was refused").isNotNull();
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  /** The pipeline's settings as one service: its principal's login, given as plain {@code sasl.*} settings. */
  private static NewsflowConfig as(ScramLogin login, String service) {
    NewsflowConfig config = shared.with(NewsflowConfig.DATA_DIR, dir.resolve(service).toString())
        .with("http.port", "0");
    for (Map.Entry<String, String> setting : login.clientSettings().entrySet()) {
      config = config.with(setting.getKey(), setting.getValue());
    }
    return config;
  }

  private static Map<String, Object> adminSettings() {
    Map<String, Object> settings = new HashMap<>(broker.adminClientSettings());
    settings.put("bootstrap.servers", broker.bootstrapServers());
    return settings;
  }

  private static void readOne(ScramLogin login, String topic) {
    Map<String, Object> settings = new HashMap<>(login.clientSettings());
    settings.put("bootstrap.servers", broker.bootstrapServers());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(new TopicPartition(topic, 0)));
      consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
      consumer.poll(Duration.ofSeconds(10));
    }
  }

  private static void writeOne(ScramLogin login, String topic) throws ExecutionException, InterruptedException {
    Map<String, Object> settings = new HashMap<>(login.clientSettings());
    settings.put("bootstrap.servers", broker.bootstrapServers());
    settings.put("max.block.ms", "10000");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "v")).get();
    }
  }

  private static String secret(String who) {
    return who + "-pw-" + UUID.randomUUID();
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
