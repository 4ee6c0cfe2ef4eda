package io.newsflow.benchmarks;

import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import io.newsflow.schemas.registry.SchemaRegistry;
import io.newsflow.schemas.serde.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * CPU per article of the aggregate topology itself: the BBC corpus, enriched once, piped through
 * {@link AggregateTopology} in a {@link TopologyTestDriver} (the real RocksDB stores and record
 * caches, no broker), timing the CPU of the one thread that runs it. The driver commits after every
 * record, so the caches flush every article: store writes weigh more than in a running service.
 * Articles are shuffled and spaced the given minutes apart in event time (default
 * {@value #SPACING_MINUTES}: the run spans more than the idle close, stories close, and nearly every
 * article passes a close check; 1: no story closes and a check every 15 articles). Each pass starts
 * from empty stores; the first is a warm-up. The digest
 * of every output record (topic, key, value bytes, timestamp, in order) shows that two builds decide
 * the same.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.AggregateCpuRate [passes] [CORPUS] [minutes]}.
 */
public final class AggregateCpuRate {
  static final int SPACING_MINUTES = 15;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws IOException {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path root = args.length > 1 ? Path.of(args[1]) : Corpus.defaultPath();
    int spacingMinutes = args.length > 2 ? Integer.parseInt(args[2]) : SPACING_MINUTES;
    List<Corpus.Doc> docs = new ArrayList<>(Corpus.load(root));
    if (docs.size() < 100) {
      System.err.println("needs the BBC corpus: none at " + root.toAbsolutePath() + " (pass its path or set NEWSFLOW_CORPUS)");
      System.exit(2);
    }
    AvroTrust.trustGeneratedClasses();
    Collections.shuffle(docs, new Random(20261122));
    ArticleEnricher enricher = new ArticleEnricher(new ArticleAnalyzer(), Integer.MAX_VALUE);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    List<EnrichedArticle> articles = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Corpus.Doc doc = docs.get(i);
      articles.add(enricher.enrich(RawArticle.newBuilder()
          .setArticleId(doc.topic() + "-" + doc.name())
          .setSource("source-" + (i % 7))
          .setTitle(doc.title())
          .setBody(doc.body())
          .setBodyFormat(BodyFormat.TEXT)
          .setIngestedAt(start.plusSeconds(60L * spacingMinutes * i))
          .setOrigin("benchmark")
          .setRevision(1)
          .build()));
    }
    for (int pass = 0; pass <= passes; pass++) {
      Path stateDir = Files.createTempDirectory("aggregate-cpu-rate");
      try {
        run(articles, stateDir, pass);
      } finally {
        deleteRecursively(stateDir);
      }
    }
  }

  /** The aggregate topology with default settings in a driver keeping its state under {@code stateDir}. */
  static TopologyTestDriver driver(Topics topics, SchemaRegistry registry, Path stateDir) {
    NewsflowConfig config = NewsflowConfig.defaults()
        .with(NewsflowConfig.BOOTSTRAP_SERVERS, "unused:9092")
        .with(NewsflowConfig.DATA_DIR, stateDir.toString());
    Properties props = StreamsSettings.forApplication(config, AggregateTopology.APPLICATION_ID,
        AggregateTopology.STAGE, topics.deadLetter().name(), registry);
    return new TopologyTestDriver(AggregateTopology.build(topics, ClusteringSettings.defaults(), registry), props);
  }

  private static void run(List<EnrichedArticle> articles, Path stateDir, int pass) {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    Topics topics = new Topics(TopicNames.defaults(), 1, registry);
    try (TopologyTestDriver driver = driver(topics, registry, stateDir)) {
      Serializer<EnrichedArticle> serializer = topics.enriched().valueSerde().serializer();
      TestInputTopic<String, EnrichedArticle> input = driver.createInputTopic(topics.enriched().name(),
          topics.enriched().keySerde().serializer(), serializer);
      List<String> outputs = List.of(topics.storyEvents().name(), topics.storySnapshots().name(),
          topics.assignments().name(), topics.deadLetter().name());
      long cpu = THREADS.getCurrentThreadCpuTime();
      for (EnrichedArticle article : articles) {
        input.pipeInput(article.getArticleId(), article, article.getEventTime());
      }
      double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
      MessageDigest digest = sha256();
      long records = 0;
      for (String topic : outputs) {
        TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(topic, new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
        for (TestRecord<byte[], byte[]> r : out.readRecordsToList()) {
          digest.update(topic.getBytes(StandardCharsets.UTF_8));
          digest.update(r.key() == null ? new byte[0] : r.key());
          digest.update(r.value() == null ? new byte[0] : r.value());
          digest.update(Long.toString(r.timestamp()).getBytes(StandardCharsets.UTF_8));
          records++;
        }
      }
      System.out.printf(Locale.ROOT, "%s: %.0f articles per CPU-second (%.0f µs each), %d articles, %d output records, digest %s%n",
          pass == 0 ? "warm-up" : "pass " + pass, articles.size() / cpuSeconds, cpuSeconds * 1e6 / articles.size(),
          articles.size(), records, HexFormat.of().formatHex(digest.digest()).substring(0, 16));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
