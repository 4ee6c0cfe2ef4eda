package io.newsflow.app.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.app.Newsflow;
import io.newsflow.platform.SharedData;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.schemas.Topic;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's subscriber contract on a real run: {@code newsflow run} over BBC's tech articles (plus one input ingest
 * rejects, so the dead-letter topic has a record), then every public topic read as a new subscriber would, by the
 * Java client, by kcat (raw bytes, librdkafka) and by KafkaJS with no codec plugin and
 * {@code @kafkajs/confluent-schema-registry} with default options: every record read, 0 decode failures.
 * Needs Node.js, {@code npm ci} in {@code src/test/subscriber} (done in pre-integration-test) and kcat
 * ({@code scripts/test-prerequisites.sh}); without them it fails, it never skips.
 */
class SubscriberInteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path NODE_DIR = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")),
      "src", "test", "subscriber").toAbsolutePath();
  private static final long TOOL_TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  @BeforeAll
  static void requireTools() {
    tool(List.of("node", "--version"), "Node.js 20 or later (Debian: apt-get install nodejs npm)");
    tool(List.of("kcat", "-V"), "kcat (Debian: apt-get install kcat; scripts/test-prerequisites.sh does it)");
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/kafkajs"))
        || !Files.isDirectory(NODE_DIR.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
      fail("npm dependencies are missing in " + NODE_DIR + ": run `npm ci` there (`./mvnw verify` does it in "
          + "pre-integration-test)");
    }
  }

  @Test
  void everyPublicTopicOfARealRunIsReadByKafkaJsKcatAndTheJavaClient() throws Exception {
    // Given: a pipeline run to idle on the shared broker, in topics of its own
    NewsflowConfig config = TestCluster.isolatedConfig(dir.resolve("data"));
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("title-only.txt"), "A headline and nothing else\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "run",
        "--input", SharedData.path("bbc-news-2225/tech").toString(), "--input", bad.toString(), "--exit-when-idle",
        "--bootstrap-servers", TestCluster.bootstrapServers(), "--schema-registry-url", TestCluster.schemaRegistryUrl(),
        "--config", settingsFile(config).toString(), "--data-dir", dir.resolve("data").toString(), "--http-port", "0");
    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(log).isEqualTo(1); // for the rejected input
    assertThat(log).contains("published 401").contains("rejected 1");
    HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(TestCluster.schemaRegistryUrl());
    int partitions = config.getInt(NewsflowConfig.PARTITIONS);
    Topics topics = new Topics(TopicNames.fromSettings(config.asMap()), partitions, registry);
    List<String> published = topics.published().stream().map(Topic::name).toList();

    // When: the Java client reads every public topic, read_committed, from the beginning
    Map<String, List<ConsumerRecord<byte[], byte[]>>> java = new LinkedHashMap<>();
    for (String topic : published) {
      java.put(topic, readAll(topic));
    }

    // Then: every topic has records in the codec every stock client reads
    assertThat(java.get(topics.raw().name())).hasSize(401);
    assertThat(java.get(topics.deadLetter().name())).hasSize(1);
    java.forEach((topic, records) -> assertThat(records).as(topic).isNotEmpty());
    assertThat(compressionOf(published)).as("compression.type").allSatisfy((t, c) -> assertThat(c).isEqualTo("gzip"));

    // And the Java client decodes every value with the published schemas
    Map<String, Map<String, Object>> javaValues = new LinkedHashMap<>();
    for (Topic<String, ?> topic : topics.published()) {
      var values = new LinkedHashMap<String, Object>();
      for (var r : java.get(topic.name())) {
        if (r.value() != null) {
          Object value = topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
          assertThat(value).as(topic.name()).isNotNull();
          values.put(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), value);
        }
      }
      javaValues.put(topic.name(), values);
    }

    // And kcat (librdkafka) reads the same records, byte for byte, each in the Confluent wire format
    for (String topic : published) {
      List<byte[]> kcat = kcatValues(topic, partitions);
      List<byte[]> expected = java.get(topic).stream().map(ConsumerRecord::value).toList();
      assertThat(kcat).as("kcat " + topic).hasSameSizeAs(expected);
      int schemaId = registry.version(topic + "-value", "latest").id();
      for (int i = 0; i < kcat.size(); i++) {
        if (expected.get(i) == null) {
          assertThat(kcat.get(i)).as("kcat %s record %d", topic, i).isEmpty();
          continue;
        }
        assertThat(kcat.get(i)).as("kcat %s record %d", topic, i).isEqualTo(expected.get(i));
        assertThat(kcat.get(i)[0]).isZero();
        assertThat(ByteBuffer.wrap(kcat.get(i), 1, 4).getInt()).isEqualTo(schemaId);
      }
    }

    // And KafkaJS with default settings decodes every value, with no failure
    Map<String, Integer> counts = new LinkedHashMap<>();
    java.forEach((topic, records) -> counts.put(topic, records.size()));
    JsonNode kafkaJs = JSON.readTree(node("consume.js", TestCluster.bootstrapServers(), TestCluster.schemaRegistryUrl(),
        JSON.writeValueAsString(counts)));
    for (String topic : published) {
      JsonNode t = kafkaJs.get("topics").get(topic);
      long values = java.get(topic).stream().filter(r -> r.value() != null).count();
      assertThat(t.get("failures").asInt()).as("KafkaJS decode failures on %s: %s", topic, t.get("errors")).isZero();
      assertThat(t.get("messages").asInt()).as("KafkaJS records of %s", topic).isEqualTo(counts.get(topic));
      assertThat(t.get("decoded").asLong()).as("KafkaJS decoded values of %s", topic).isEqualTo(values);
    }
    // the hash that JavaScript could not hold as a long reads as the same hex string the Java client sees
    JsonNode sample = kafkaJs.get("topics").get(topics.enriched().name()).get("sample");
    EnrichedArticle same = (EnrichedArticle) javaValues.get(topics.enriched().name()).get(sample.get("key").asText());
    assertThat(sample.at("/value/fingerprints/simHashHex").asText()).matches("[0-9a-f]{16}")
        .isEqualTo(same.getFingerprints().getSimHashHex());
    assertThat(sample.at("/value/title").asText()).isEqualTo(same.getTitle());
  }

  /** The run's namespaced topic names and application ids, for {@code --config}. */
  private Path settingsFile(NewsflowConfig config) throws IOException {
    Properties p = new Properties();
    config.asMap().forEach((k, v) -> {
      if (k.startsWith("topic.") || k.startsWith("application.id.") || k.equals("ingest.instance")) {
        p.setProperty(k, v);
      }
    });
    Path file = dir.resolve("subscriber.properties");
    try (Writer w = Files.newBufferedWriter(file)) {
      p.store(w, null);
    }
    return file;
  }

  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestCluster.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(i -> new TopicPartition(topic, i.partition())).sorted(
              (a, b) -> Integer.compare(a.partition(), b.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertThat(System.nanoTime()).as("reading " + topic + " to its end").isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // in the order kcat prints them when it reads one partition after the other
      records.sort((a, b) -> a.partition() != b.partition()
          ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
      return records;
    }
  }

  private static Map<String, String> compressionOf(List<String> topics) throws Exception {
    Properties p = new Properties();
    p.put("bootstrap.servers", TestCluster.bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
          .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all().get(30, TimeUnit.SECONDS);
      Map<String, String> compression = new LinkedHashMap<>();
      configs.forEach((resource, config) -> compression.put(resource.name(), config.get("compression.type").value()));
      return compression;
    }
  }

  /**
   * The values of {@code topic} as kcat reads them, partition by partition: each printed as its size, a newline and
   * its bytes, so binary values need no escaping. A null value has size -1 and no bytes.
   */
  private static List<byte[]> kcatValues(String topic, int partitions) throws Exception {
    List<byte[]> values = new ArrayList<>();
    for (int partition = 0; partition < partitions; partition++) {
      byte[] output = run(List.of("kcat", "-C", "-b", TestCluster.bootstrapServers(), "-t", topic,
          "-p", String.valueOf(partition), "-o", "beginning", "-e", "-q",
          "-X", "isolation.level=read_committed", "-f", "%S\n%s"), NODE_DIR);
      ByteBuffer in = ByteBuffer.wrap(output);
      while (in.hasRemaining()) {
        StringBuilder size = new StringBuilder();
        for (byte b = in.get(); b != '\n'; b = in.get()) {
          size.append((char) b);
        }
        int n = Integer.parseInt(size.toString());
        byte[] value = new byte[Math.max(n, 0)];
        in.get(value);
        values.add(value);
      }
    }
    return values;
  }

  private static String node(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(List.of(args));
    return new String(run(command, NODE_DIR), StandardCharsets.UTF_8);
  }

  /** Runs {@code command} in {@code workDir}; its standard output, or a failure with its standard error. */
  private static byte[] run(List<String> command, Path workDir) throws Exception {
    Path out = Files.createTempFile("subscriber-out", ".bin");
    Path err = Files.createTempFile("subscriber-err", ".txt");
    try {
      Process process = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        fail(String.join(" ", command) + " did not finish within " + TOOL_TIMEOUT_SECONDS + " s; stderr: "
            + Files.readString(err));
      }
      byte[] stdout = Files.readAllBytes(out);
      if (process.exitValue() != 0) {
        fail(String.join(" ", command) + " exited with " + process.exitValue() + "; stderr: " + Files.readString(err)
            + "; stdout: " + new String(stdout, StandardCharsets.UTF_8));
      }
      return stdout;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static void tool(List<String> command, String install) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        fail("`" + String.join(" ", command) + "` failed; SubscriberInteropIT needs " + install);
      }
    } catch (IOException e) {
      fail("SubscriberInteropIT needs " + install + ": `" + command.get(0) + "` is not on the PATH (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted checking for " + command.get(0));
    }
  }
}
