package io.newsflow.app.bench;

import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.app.bench.StageResult;
import io.newsflow.app.bench.StreamThreadCpu;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.Services;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.IngestService;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.config.PipelineNamespace;
import io.newsflow.platform.kafka.TopicPartitions;
import io.newsflow.platform.streams.DeadLetterHandler;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.avro.StoryEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The stages of {@code newsflow bench} against one cluster, each in topics and groups of its own
 * under {@code prefix}: the same records through plain Kafka clients, a pass-through topology,
 * ingest, enrich, aggregate, the whole pipeline, and the whole pipeline at a fixed offered load.
 * Streams stages are timed from the moment the topology is RUNNING to the moment its groups have
 * no lag, so start-up and rebalancing are not counted as throughput.
 */
public final class PipelineBench {
  private static final Duration LAG_POLL = Duration.ofMillis(50);
  private static final Duration SETTLE = Duration.ofSeconds(10);
  private static final int WARM_UP_RECORDS = 2000;

  private final NewsflowConfig connected;
  private final String prefix;
  private final PrintStream progress;
  private final Duration timeout;

  /** {@code connected}: settings with the cluster's bootstrap servers and registry URL. */
  public PipelineBench(NewsflowConfig connected, String prefix, PrintStream progress, Duration timeout) {
    this.connected = connected;
    this.prefix = prefix;
    this.progress = progress;
    this.timeout = timeout;
  }

  /** A namespace of pipeline topics and application ids, its topics created. */
  public Cluster namespace(String name) {
    Cluster c = Cluster.connect(PipelineNamespace.apply(connected, prefix + "-" + name));
    c.provisionTopics();
    return c;
  }

  /**
   * (1) Plain producer to plain consumer, running at once, for the serialized raw records. A first,
   * untimed round on a topic of its own warms the broker's and the clients' code up: this is the
   * run's first traffic, and the JIT would otherwise be charged to the engine's limit.
   */
  public StageResult kafka(Cluster c, BenchRecords records, AtomicLong consumedOut) throws Exception {
    transfer(c, prefix + "-kafka-warm-up", records, Math.min(records.size(), WARM_UP_RECORDS), new AtomicLong());
    long nanos = transfer(c, prefix + "-kafka", records, records.size(), consumedOut);
    return new StageResult("kafka", "kafka producer -> consumer", records.size(), records.bytes, nanos);
  }

  private long transfer(Cluster c, String topic, BenchRecords records, int n, AtomicLong consumedOut) throws Exception {
    createTopic(c, topic);
    Properties producerProps = new Properties();
    producerProps.putAll(c.config().kafkaClientProperties());
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.putAll(c.config().producerCompressionSettings());
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, topic + "-producer");
    try (KafkaConsumer<byte[], byte[]> consumer = bytesConsumer(c, topic);
         KafkaProducer<byte[], byte[]> producer =
             new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
      consumer.poll(Duration.ZERO);
      AtomicLong lastReceived = new AtomicLong();
      AtomicReference<Exception> failure = new AtomicReference<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      Thread reader = new Thread(() -> {
        try {
          long count = 0;
          while (count < n && System.nanoTime() < deadline) {
            count += consumer.poll(Duration.ofMillis(100)).count();
            lastReceived.set(System.nanoTime());
          }
          consumedOut.set(count);
        } catch (RuntimeException e) {
          failure.set(e);
        }
      }, "bench-kafka-consumer");
      long start = System.nanoTime();
      reader.start();
      for (int i = 0; i < n; i++) {
        producer.send(new ProducerRecord<>(topic, records.keys.get(i), records.values.get(i)));
      }
      producer.flush();
      reader.join();
      if (failure.get() != null) {
        throw failure.get();
      }
      if (consumedOut.get() != n) {
        throw new IllegalStateException("plain consumer read " + consumedOut.get() + " of " + n + " records within " + timeout);
      }
      return lastReceived.get() - start;
    }
  }

  /** (3) The records through ingest's transactional publisher and its state topic. */
  public StageResult ingest(Cluster c, BenchRecords records, String name) {
    try (IngestService ingest = Services.ingest(c, name)) {
      long start = System.nanoTime();
      for (IncomingArticle article : records.articles) {
        ingest.intake().accept(article);
      }
      ingest.intake().commit();
      long nanos = System.nanoTime() - start;
      IngestSummary summary = ingest.intake().summary();
      if (summary.published() != records.size()) {
        throw new IllegalStateException("ingest published " + summary + " of " + records.size() + " articles");
      }
      return new StageResult("ingest", "ingest (transactional, + state)", records.size(), records.bytes, nanos);
    }
  }

  public String copyTopic() {
    return prefix + "-copy";
  }

  /** (2) The raw topic copied by a topology with the same serdes and guarantee as the pipeline's. */
  public StageResult passThrough(Cluster c, BenchRecords records) throws Exception {
    String copy = copyTopic();
    createTopic(c, copy);
    String applicationId = prefix + "-passthrough";
    Properties props = StreamsSettings.forApplication(c.config(), applicationId, "passthrough",
        c.topics().deadLetter().name(), c.registry());
    props.put(DeadLetterHandler.METERS, c.meters());
    try (StreamsService service = new StreamsService(PassThroughTopology.build(c.topics().raw(), copy), props)) {
      Timing t = runToNoLag(c, Map.of(applicationId, Set.of(c.topics().raw().name())), service);
      return new StageResult("passthrough", "streams pass-through (EOS v2)", records.size(), records.bytes, t.nanos(),
          t.streamThreadCpuNanos());
    }
  }

  /** (4) Enrich alone over the raw topic the ingest stage filled. */
  public StageResult enrich(Cluster c, BenchRecords records) throws Exception {
    try (StreamsService service = Services.enrich(c)) {
      Timing t = runToNoLag(c, groupsOf(c, EnrichTopology.APPLICATION_ID), service);
      return new StageResult("enrich", "enrich", records.size(), records.bytes, t.nanos(), t.streamThreadCpuNanos());
    }
  }

  /** (5) Aggregate alone over the enriched topic the enrich stage filled. */
  public StageResult aggregate(Cluster c, BenchRecords records) throws Exception {
    try (StreamsService service = Services.aggregate(c)) {
      Timing t = runToNoLag(c, groupsOf(c, AggregateTopology.APPLICATION_ID), service);
      return new StageResult("aggregate", "aggregate", records.size(), records.bytes, t.nanos(), t.streamThreadCpuNanos());
    }
  }

  /** (6) Ingest, enrich and aggregate at once: from the first article ingested to no lag anywhere. */
  public StageResult endToEnd(Cluster c, BenchRecords records) throws Exception {
    try (StreamsService enrich = Services.enrich(c).start();
         StreamsService aggregate = Services.aggregate(c).start()) {
      awaitRunning(enrich);
      awaitRunning(aggregate);
      long start = System.nanoTime();
      ingest(c, records, "bench-end-to-end");
      long end = awaitNoLag(c, Services.consumerGroups(c), enrich, aggregate);
      return new StageResult("end-to-end", "end to end (ingest -> stories)", records.size(), records.bytes, end - start);
    }
  }

  /**
   * Publishes {@code articles} through ingest at {@code rate} per second while the pipeline runs, and
   * returns, per article, milliseconds from its publication to the first story event that names it,
   * as a consumer outside the topology receives it. A batch is committed whenever the schedule
   * leaves time, so records wait for their transaction only when ingest falls behind.
   */
  public long[] latency(Cluster c, List<IncomingArticle> articles, double rate) throws Exception {
    Map<String, Long> sent = new ConcurrentHashMap<>();
    Map<String, Long> received = new ConcurrentHashMap<>();
    try (StreamsService enrich = Services.enrich(c).start();
         StreamsService aggregate = Services.aggregate(c).start();
         KafkaConsumer<byte[], byte[]> consumer = bytesConsumer(c, c.topics().storyEvents().name());
         Deserializer<StoryEvent> events = c.topics().storyEvents().valueSerde().deserializer()) {
      awaitRunning(enrich);
      awaitRunning(aggregate);
      AtomicReference<Exception> failure = new AtomicReference<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      Thread reader = new Thread(() -> {
        try {
          while (received.size() < articles.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(20))) {
              long now = System.nanoTime();
              String articleId = events.deserialize(r.topic(), r.value()).getArticleId();
              if (articleId != null) {
                received.putIfAbsent(articleId, now);
              }
            }
          }
        } catch (RuntimeException e) {
          failure.set(e);
        }
      }, "bench-story-event-reader");
      reader.start();
      try (IngestService ingest = Services.ingest(c, "bench-latency")) {
        long start = System.nanoTime();
        for (int i = 0; i < articles.size(); i++) {
          long due = start + (long) (i * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            ingest.intake().commit();
            long left = due - System.nanoTime();
            if (left > 0) {
              Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
          }
          String id = ingest.intake().accept(articles.get(i));
          sent.put(id, System.nanoTime());
        }
        ingest.intake().commit();
        double offered = articles.size() * 1e9 / (System.nanoTime() - start);
        progress.printf(java.util.Locale.ROOT, "bench: latency: published %d articles at %.0f articles/s%n",
            articles.size(), offered);
      }
      reader.join();
      if (failure.get() != null) {
        throw failure.get();
      }
      if (received.size() < sent.size()) {
        throw new IllegalStateException("story events named " + received.size() + " of " + sent.size()
            + " articles within " + timeout);
      }
    }
    long[] millis = new long[sent.size()];
    int i = 0;
    for (Map.Entry<String, Long> e : sent.entrySet()) {
      millis[i++] = Math.max(0, (received.get(e.getKey()) - e.getValue()) / 1_000_000);
    }
    return millis;
  }

  /** Records and distinct keys a topic holds (committed records only). */
  public record TopicCount(long records, long keys) {}

  /**
   * Reads a topic's committed records until it has seen {@code expectedKeys} distinct keys, or until
   * nothing new has come for {@link #SETTLE}: a transaction's commit returns before its markers reach
   * the partitions, and on a loaded machine the last ones can take a while to become readable.
   */
  public TopicCount count(Cluster c, String topic, long expectedKeys) {
    try (KafkaConsumer<byte[], byte[]> consumer = bytesConsumer(c, topic)) {
      Set<String> keys = new java.util.HashSet<>();
      long records = 0;
      long lastProgress = System.nanoTime();
      while (keys.size() < expectedKeys && System.nanoTime() - lastProgress < SETTLE.toNanos()) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() == null) {
            continue;   // enrich's progress records
          }
          records++;
          keys.add(new String(r.key(), java.nio.charset.StandardCharsets.UTF_8));
          lastProgress = System.nanoTime();
        }
      }
      return new TopicCount(records, keys.size());
    }
  }

  /** Wall-clock time from running to no lag, and the CPU the stage's stream threads used in it. */
  private record Timing(long nanos, long streamThreadCpuNanos) {}

  private Timing runToNoLag(Cluster c, Map<String, Set<String>> groups, StreamsService service) throws Exception {
    service.start();
    awaitRunning(service);
    String applicationId = groups.keySet().iterator().next();
    long cpuBefore = StreamThreadCpu.nanos(applicationId);
    long start = System.nanoTime();
    long idle = awaitNoLag(c, groups, service);
    long cpuAfter = StreamThreadCpu.nanos(applicationId);
    return new Timing(idle - start, cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
  }

  private void awaitRunning(StreamsService service) throws InterruptedException {
    if (!service.awaitRunning(timeout)) {
      throw new IllegalStateException(service.name() + " did not start within " + timeout + "; state " + service.state());
    }
  }

  /** Waits until {@code groups} have no lag on two checks in a row; returns the time of the first. */
  /** When all lag became zero for good (after the merge's settle time), with every service still running. */
  private long awaitNoLag(Cluster c, Map<String, Set<String>> groups, StreamsService... services) throws Exception {
    try (Admin admin = c.admin()) {
      return PipelineIdle.idleSince(admin, groups, Services.settleTime(c), timeout, LAG_POLL, () -> {
        for (StreamsService s : services) {
          s.requireAlive();
        }
      }).orElseThrow(() -> new IllegalStateException("consumer groups " + groups.keySet() + " still had lag after " + timeout));
    }
  }

  private static Map<String, Set<String>> groupsOf(Cluster c, String defaultApplicationId) {
    String id = StreamsSettings.applicationId(c.config(), defaultApplicationId);
    Map<String, Set<String>> groups = new HashMap<>(Services.consumerGroups(c));
    groups.keySet().retainAll(Set.of(id));
    return groups;
  }

  private static KafkaConsumer<byte[], byte[]> bytesConsumer(Cluster c, String topic) {
    Properties p = new Properties();
    p.putAll(c.config().kafkaClientProperties());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = TopicPartitions.of(consumer, topic, TopicPartitions.DEFAULT_WAIT);
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return consumer;
  }

  private void createTopic(Cluster c, String name) throws Exception {
    try (Admin admin = c.admin()) {
      short replication = (short) c.config().getInt(NewsflowConfig.REPLICATION_FACTOR);
      new io.newsflow.platform.kafka.TopicProvisioner(admin, replication).ensureNew(List.of(
          new NewTopic(name, c.config().getInt(NewsflowConfig.PARTITIONS), replication)
              .configs(c.topics().raw().configs())));
    }
  }
}
