package io.newsflow.aggregate;

import static io.newsflow.aggregate.AggregateTopologyTest.election;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.HeaderNames;
import io.newsflow.schemas.ProgressRecords;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import io.newsflow.schemas.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceOrderProcessorTest {
  static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

  @TempDir Path stateDir;
  final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  final Serde<EnrichedArticle> articles = AvroSerde.forValues(registry, EnrichedArticle.class);
  final List<TopologyTestDriver> drivers = new ArrayList<>();

  @AfterEach
  void close() {
    drivers.forEach(TopologyTestDriver::close);
  }

  record Harness(TopologyTestDriver driver, TestInputTopic<String, EnrichedArticle> in,
                 TestOutputTopic<String, EnrichedArticle> out, long[] offsets) {
    /** Article {@code article} with ingest sequence {@code sequence}, next in source partition {@code partition}. */
    void send(int partition, long sequence, EnrichedArticle article) {
      RecordHeaders headers = new RecordHeaders();
      new SourcePosition(partition, offsets[partition]++).stamp(headers);
      headers.add(HeaderNames.SEQUENCE, ProgressRecords.decimal(sequence));
      in.pipeInput(new TestRecord<>("en", article, headers, article.getEventTime()));
    }

    /** Enrich's progress record: partition {@code partition} is complete through {@code sequence}. */
    void vouch(int partition, long sequence) {
      RecordHeaders headers = new RecordHeaders();
      new SourcePosition(partition, offsets[partition]++).stamp(headers);
      ProgressRecords.stamp(headers, sequence);
      in.pipeInput(new TestRecord<>(ProgressRecords.key(partition), null, headers, T0));
    }

    List<String> released() {
      return out.readValuesToList().stream().map(EnrichedArticle::getArticleId).toList();
    }
  }

  /** source "in" → source-order processor over two partitions → topic "out". */
  Harness harness() {
    Topology topology = new Topology();
    topology.addSource("in", Serdes.String().deserializer(), articles.deserializer(), "in");
    topology.addProcessor("order", () -> new SourceOrderProcessor(2, new LateArticles(Duration.ofDays(1))), "in");
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.SOURCE_ORDER_BUFFER),
        Serdes.String(), articles), "order");
    topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoryStores.SOURCE_ORDER_PROGRESS),
        Serdes.String(), Serdes.Long()), "order");
    topology.addSink("out", "out", Serdes.String().serializer(), articles.serializer(), "order");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "source-order-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("d" + drivers.size()).toString());
    TopologyTestDriver driver = new TopologyTestDriver(topology, props, T0);
    drivers.add(driver);
    return new Harness(driver, driver.createInputTopic("in", Serdes.String().serializer(), articles.serializer()),
        driver.createOutputTopic("out", Serdes.String().deserializer(), articles.deserializer()), new long[2]);
  }

  static EnrichedArticle article(String id, int minute) {
    return election(id, T0.plusSeconds(60L * minute));
  }

  @Test
  void anyInterleavingOfThePartitionsIsReleasedInIngestSequenceOrder() {
    // Ingest wrote a(0) b(1) c(2) d(3) e(4): a, c, e to partition 0, b, d to partition 1. Event times are
    // deliberately out of sequence order: the sequence decides, not the clock of the news.
    Harness one = harness();
    one.send(0, 0, article("a", 5));
    one.send(0, 2, article("c", 1));
    one.send(1, 1, article("b", 3));
    one.send(0, 4, article("e", 2));
    one.send(1, 3, article("d", 4));
    one.vouch(1, 4);
    Harness other = harness();
    other.send(1, 1, article("b", 3));
    other.send(1, 3, article("d", 4));
    other.vouch(1, 4);
    other.send(0, 0, article("a", 5));
    other.send(0, 2, article("c", 1));
    other.send(0, 4, article("e", 2));

    assertThat(one.released()).containsExactly("a", "b", "c", "d", "e");
    assertThat(other.released()).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void anArticleWaitsForEveryOtherPartitionToVouchForItsSequenceAndNeverForAClock() {
    Harness h = harness();
    h.send(0, 5, article("a", 0));

    h.driver().advanceWallClockTime(Duration.ofHours(1));
    assertThat(h.released()).as("partition 1 has not said it holds nothing before 5").isEmpty();
    h.vouch(1, 4);
    assertThat(h.released()).as("4 is not enough").isEmpty();
    h.vouch(1, 5);
    TestRecord<String, EnrichedArticle> released = h.out().readRecord();
    assertThat(released.value().getArticleId()).isEqualTo("a");
    assertThat(released.getRecordTime()).isEqualTo(T0);
    assertThat(SourcePosition.from(released.headers())).contains(new SourcePosition(0, 0));
  }

  @Test
  void aLaterArticleOfAPartitionVouchesForItsEarlierSequences() {
    Harness h = harness();
    h.send(0, 1, article("b", 0));
    h.send(1, 0, article("a", 0));
    assertThat(h.released()).as("a: partition 0 sent 1, so it holds nothing more before 1").containsExactly("a");
    h.send(1, 2, article("c", 0));
    assertThat(h.released()).containsExactly("b");
  }

  @Test
  void progressRecordsAreNeverPassedOn() {
    Harness h = harness();
    h.vouch(0, 3);
    h.vouch(1, 3);

    assertThat(h.out().isEmpty()).isTrue();
  }

  @Test
  void aBufferedArticleIsReleasedWithItsIngestTimeHeader() {
    Harness h = harness();
    Instant ingested = T0.plusMillis(1_250);
    EnrichedArticle article = EnrichedArticle.newBuilder(election("a", T0)).setIngestedAt(ingested).build();
    RecordHeaders headers = new RecordHeaders();
    new SourcePosition(0, 0).stamp(headers);
    h.offsets()[0]++;
    headers.add(HeaderNames.SEQUENCE, ProgressRecords.decimal(0));
    headers.add(HeaderNames.INGESTED_AT, "2024-03-01T08:00:01.250Z".getBytes(StandardCharsets.UTF_8));
    h.in().pipeInput(new TestRecord<>("en", article, headers, T0));
    assertThat(h.out().isEmpty()).as("waiting for partition 1").isTrue();

    h.vouch(1, 0);

    Header released = h.out().readRecord().headers().lastHeader(HeaderNames.INGESTED_AT);
    assertThat(new String(released.value(), StandardCharsets.UTF_8)).isEqualTo("2024-03-01T08:00:01.250Z");
  }

  @Test
  void articlesWithoutASequencePassStraightThrough() {
    Harness h = harness();
    h.in().pipeInput("en", election("x", T0), T0);
    RecordHeaders positioned = new RecordHeaders();
    new SourcePosition(1, 0).stamp(positioned);
    h.in().pipeInput(new TestRecord<>("en", election("y", T0), positioned, T0));

    assertThat(h.released()).containsExactly("x", "y");
  }

  @Test
  void lateArticlesAreMarkedInReleaseOrderWhateverTheirArrivalOrder() {
    // Ingest wrote x (day 3), y (day 1), z (day 3 + 30 min): y is two days behind once x is released.
    EnrichedArticle x = article("x", 3 * 24 * 60);
    EnrichedArticle y = article("y", 24 * 60);
    EnrichedArticle z = article("z", 3 * 24 * 60 + 30);
    Harness first = harness();
    first.send(0, 0, x);
    first.send(0, 1, y);
    first.send(1, 2, z);
    first.vouch(0, 2);
    Harness second = harness();
    second.send(1, 2, z);
    second.send(0, 0, x);
    second.send(0, 1, y);
    second.vouch(0, 2);

    for (Harness h : List.of(first, second)) {
      List<TestRecord<String, EnrichedArticle>> released = h.out().readRecordsToList();
      assertThat(released).extracting(r -> r.value().getArticleId()).containsExactly("x", "y", "z");
      assertThat(released).extracting(r -> LateArticles.marked(r.headers())).containsExactly(false, true, false);
    }
  }
}
