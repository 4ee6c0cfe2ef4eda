package io.newsflow.app.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.newsflow.app.Newsflow;
import io.newsflow.platform.SharedData;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The subscriber examples against the output of a real pipeline run: {@code newsflow run --exit-when-idle} over the
 * BBC business articles on the shared test broker, then examples/java-consumer (its packaged jar, in a JVM of its
 * own) and examples/node-consumer (KafkaJS, {@code npm ci} in pre-integration-test) each follow the run's story
 * events. What they print must be the stories the run left on the snapshots topic.
 */
class ConsumerExamplesIT {
  private static final Path REPO = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")))
      .toAbsolutePath().resolve("..").normalize();
  private static final long EXAMPLE_TIMEOUT_SECONDS = 180;

  @TempDir static Path dir;
  private static NewsflowConfig config;
  private static Map<String, StorySnapshot> snapshots;

  @BeforeAll
  static void runThePipeline() throws Exception {
    config = TestCluster.isolatedConfig(dir.resolve("data")).with("http.port", "0");
    Path configFile = write(config, dir.resolve("newsflow.properties"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        "run", "--input", SharedData.path("bbc-news-2225/business").toString(), "--exit-when-idle",
        "--config", configFile.toString(), "--data-dir", dir.resolve("data").toString());

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    snapshots = latestSnapshots();
    assertThat(snapshots).hasSizeGreaterThan(100);
    assertThat(snapshots.values()).anySatisfy(s -> assertThat(s.getArticleCount()).isGreaterThan(2));
  }

  @Test
  void theJavaExamplePrintsEveryStoryUpToItsLatestVersion() throws Exception {
    Path jar = REPO.resolve("examples/java-consumer/target/java-consumer.jar");
    if (!Files.exists(jar) || !Files.isDirectory(jar.resolveSibling("lib"))) {
      fail(jar + " or its lib/ is missing: build the example first (`./mvnw -pl examples/java-consumer package`;"
          + " a full `./mvnw verify` builds it before app)");
    }
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Run run = run(REPO.resolve("examples/java-consumer"), List.of(java, "-cp", jar + ":" + jar.resolveSibling("lib") + "/*",
        "io.newsflow.examples.StoryFollower", "--bootstrap-servers", config.require(NewsflowConfig.BOOTSTRAP_SERVERS),
        "--schema-registry-url", config.require(NewsflowConfig.SCHEMA_REGISTRY_URL),
        "--topic", config.require("topic.story-events"), "--group", "example-java-" + UUID.randomUUID(),
        "--exit-when-caught-up"));

    // s-... v3 ARTICLE_ADDED articles=2 "headline" a-... NEAR_DUPLICATE
    Pattern line = Pattern.compile("^(s-\\S+) v(\\d+) (\\w+) articles=(\\d+) \"(.*)\"(.*)$");
    Map<String, Matcher> last = new HashMap<>();
    for (String printed : run.out().lines().toList()) {
      Matcher m = line.matcher(printed);
      assertThat(m.matches()).as("printed line %s", printed).isTrue();
      last.put(m.group(1), m);
    }
    assertThat(run.err()).as("no story's events seen with a gap").doesNotContain("not seen");
    assertThat(last.keySet()).containsExactlyInAnyOrderElementsOf(snapshots.keySet());
    for (StorySnapshot story : snapshots.values()) {
      Matcher m = last.get(story.getStoryId());
      assertThat(Long.parseLong(m.group(2))).as(story.getStoryId()).isEqualTo(story.getVersion());
      assertThat(Integer.parseInt(m.group(4))).as(story.getStoryId()).isEqualTo(story.getArticleCount());
      assertThat(m.group(5)).isEqualTo(story.getHeadline());
    }
  }

  @Test
  void theNodeExamplePrintsEachStorysHeadlineAndArticleCount() throws Exception {
    Path example = REPO.resolve("examples/node-consumer");
    for (String module : List.of("kafkajs", "@kafkajs/confluent-schema-registry")) {
      if (!Files.isDirectory(example.resolve("node_modules").resolve(module))) {
        fail("npm package " + module + " is missing in " + example + ": run `npm ci` there"
            + " (`./mvnw verify` does it in app's pre-integration-test)");
      }
    }
    Run run = run(example, List.of("node", "follow-stories.js",
        "--bootstrap-servers", config.require(NewsflowConfig.BOOTSTRAP_SERVERS),
        "--schema-registry-url", config.require(NewsflowConfig.SCHEMA_REGISTRY_URL),
        "--topic", config.require("topic.story-events"), "--group", "example-node-" + UUID.randomUUID(),
        "--exit-after-idle-ms", "10000"));

    Map<String, String> headlines = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    Map<String, String> mergedInto = new HashMap<>();
    Pattern headline = Pattern.compile("^(s-\\S+) headline \"(.*)\"$");
    Pattern articles = Pattern.compile("^(s-\\S+) articles (\\d+)$");
    Pattern merged = Pattern.compile("^(s-\\S+) merged into (s-\\S+)$");
    for (String printed : run.out().lines().toList()) {
      Matcher m;
      if ((m = headline.matcher(printed)).matches()) {
        headlines.put(m.group(1), m.group(2));
      } else if ((m = articles.matcher(printed)).matches()) {
        counts.put(m.group(1), Integer.parseInt(m.group(2)));
      } else if ((m = merged.matcher(printed)).matches()) {
        mergedInto.put(m.group(1), m.group(2));
      } else {
        assertThat(printed).matches("^s-\\S+ (closed|absorbed s-\\S+)$");
      }
    }
    assertThat(run.err()).doesNotContain("not seen").doesNotContain("cannot decode");
    assertThat(headlines.keySet()).containsExactlyInAnyOrderElementsOf(snapshots.keySet());
    for (StorySnapshot story : snapshots.values()) {
      assertThat(headlines.get(story.getStoryId())).isEqualTo(story.getHeadline());
      assertThat(counts.get(story.getStoryId())).as(story.getStoryId()).isEqualTo(story.getArticleCount());
      assertThat(mergedInto.get(story.getStoryId())).isEqualTo(story.getMergedInto());
    }
    assertThat(counts.values()).anySatisfy(n -> assertThat(n).isGreaterThan(2));
  }

  /** The latest snapshot of every story on the run's snapshots topic: what the examples must have printed. */
  private static Map<String, StorySnapshot> latestSnapshots() {
    Properties props = new Properties();
    props.putAll(config.kafkaClientProperties());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, StorySnapshot> latest = new LinkedHashMap<>();
    String topic = config.require("topic.story-snapshots");
    try (KafkaConsumer<String, StorySnapshot> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new AvroDeserializer<>(new HttpSchemaRegistryClient(config.require(NewsflowConfig.SCHEMA_REGISTRY_URL)), StorySnapshot.class))) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(System.nanoTime()).as("reading %s to its end", topic).isLessThan(deadline);
        for (ConsumerRecord<String, StorySnapshot> record : consumer.poll(Duration.ofMillis(500))) {
          latest.put(record.key(), record.value());
        }
      }
    }
    return latest;
  }

  private record Run(String out, String err) {}

  /** Runs {@code command} in {@code workDir}; fails unless it exits 0 within the timeout. */
  private static Run run(Path workDir, List<String> command) throws IOException, InterruptedException {
    Path out = dir.resolve("out-" + UUID.randomUUID() + ".txt");
    Path err = dir.resolve("err-" + UUID.randomUUID() + ".txt");
    Process process;
    try {
      process = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    } catch (IOException e) {
      return fail("cannot start " + command.get(0) + " (" + e.getMessage() + "): the node example needs Node.js 20+"
          + " on the PATH (Debian: apt-get install nodejs npm)");
    }
    if (!process.waitFor(EXAMPLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      fail(String.join(" ", command) + " did not finish within " + EXAMPLE_TIMEOUT_SECONDS + " s; stderr: "
          + Files.readString(err));
    }
    Run run = new Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    assertThat(process.exitValue()).as("%s exit; stderr: %s", command.get(0), run.err()).isZero();
    return run;
  }

  private static Path write(NewsflowConfig settings, Path file) throws IOException {
    Properties p = new Properties();
    p.putAll(settings.asMap());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
    return file;
  }
}
