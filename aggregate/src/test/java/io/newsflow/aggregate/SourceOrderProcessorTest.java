package io.newsflow.aggregate;

import static io.newsflow.aggregate.AggregateTopologyTest.election;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.HeaderNames;
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
  static final Duration IDLE = Duration.ofSeconds(2);

  @TempDir Path stateDir;
  final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  final Serde<EnrichedArticle> articles = AvroSerde.forValues(registry, EnrichedArticle.class);
  final List<TopologyTestDriver> drivers = new ArrayList<>();

  @AfterEach
  void close() {
    drivers.forEach(TopologyTestDriver::close);
  }

  record Harness(TopologyTestDriver driver, TestInputTopic<String, EnrichedArticle> in,
                 TestOutputTopic<String, EnrichedArticle> out) {
    void send(int partition, long offset, EnrichedArticle article) {
      RecordHeaders headers = new RecordHeaders();
      new SourcePosition(partition, offset).stamp(headers);
      in.pipeInput(new TestRecord<>("en", article, headers, article.getEventTime()));
    }
  }

  /** source "in" → source-order processor over two partitions → topic "out". */
  Harness harness() {
    Topology topology = new Topology();
    topology.addSource("in", Serdes.String().deserializer(), articles.deserializer(), "in");
    topology.addProcessor("order", () -> new SourceOrderProcessor(2, new SourceOrdering(IDLE, IDLE, SourceBacklog.UNKNOWN),
        new LateArticles(Duration.ofDays(1))), "in");
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
        driver.createOutputTopic("out", Serdes.String().deserializer(), articles.deserializer()));
  }

  /** Pipes (partition, article) pairs in the given arrival order into a fresh harness, then lets the idle time pass. */
  Harness arrive(List<Object[]> arrivals) {
    Harness h = harness();
    long[] offsets = new long[2];
    for (Object[] arrival : arrivals) {
      int partition = (Integer) arrival[0];
      h.send(partition, offsets[partition]++, (EnrichedArticle) arrival[1]);
    }
    h.driver().advanceWallClockTime(IDLE.plusSeconds(1));
    return h;
  }

  /** The article ids in release order after {@link #arrive}. */
  List<String> releaseOrder(List<Object[]> arrivals) {
    return arrive(arrivals).out().readValuesToList().stream().map(EnrichedArticle::getArticleId).toList();
  }

  static Object[] at(int partition, String id, int minute) {
    return new Object[] {partition, election(id, T0.plusSeconds(60L * minute))};
  }

  @Test
  void theSamePartitionsInAnyArrivalOrderAreReleasedInOneEventTimeOrder() {
    List<String> one = releaseOrder(List.of(at(0, "a", 1), at(0, "c", 3), at(1, "b", 2), at(0, "e", 5), at(1, "d", 4)));
    List<String> other = releaseOrder(List.of(at(1, "b", 2), at(1, "d", 4), at(0, "a", 1), at(0, "c", 3), at(0, "e", 5)));

    assertThat(one).containsExactly("a", "b", "c", "d", "e");
    assertThat(other).isEqualTo(one);
  }

  @Test
  void articlesWaitForASilentPartitionUntilItHasBeenIdleForTheConfiguredWallClockTime() {
    Harness h = harness();
    h.send(0, 0, election("a", T0));

    h.driver().advanceWallClockTime(Duration.ofMillis(1_000));
    assertThat(h.out().isEmpty()).isTrue();
    h.driver().advanceWallClockTime(Duration.ofMillis(1_500));
    TestRecord<String, EnrichedArticle> released = h.out().readRecord();
    assertThat(released.value().getArticleId()).isEqualTo("a");
    assertThat(released.getRecordTime()).isEqualTo(T0);
    assertThat(SourcePosition.from(released.headers())).contains(new SourcePosition(0, 0));
  }

  @Test
  void aBufferedArticleIsReleasedWithItsIngestTimeHeader() {
    Harness h = harness();
    Instant ingested = T0.plusMillis(1_250);
    EnrichedArticle article = EnrichedArticle.newBuilder(election("a", T0)).setIngestedAt(ingested).build();
    RecordHeaders headers = new RecordHeaders();
    new SourcePosition(0, 0).stamp(headers);
    headers.add(HeaderNames.INGESTED_AT, "2024-03-01T08:00:01.250Z".getBytes(StandardCharsets.UTF_8));
    h.in().pipeInput(new TestRecord<>("en", article, headers, T0));
    assertThat(h.out().isEmpty()).as("waiting for partition 1").isTrue();

    h.driver().advanceWallClockTime(IDLE.plusSeconds(1));

    Header released = h.out().readRecord().headers().lastHeader(HeaderNames.INGESTED_AT);
    assertThat(new String(released.value(), StandardCharsets.UTF_8)).isEqualTo("2024-03-01T08:00:01.250Z");
  }

  @Test
  void recordsWithoutASourcePositionPassStraightThrough() {
    Harness h = harness();
    h.in().pipeInput("en", election("x", T0), T0);

    assertThat(h.out().readValuesToList()).extracting(EnrichedArticle::getArticleId).containsExactly("x");
  }

  @Test
  void lateArticlesAreMarkedInReleaseOrderWhateverTheirArrivalOrder() {
    // Partition 0 holds a day-3 article, then a day-1 one: two days behind once the day-3 one is released.
    Object[] day3 = at(0, "x", 3 * 24 * 60);
    Object[] day1 = at(0, "y", 24 * 60);
    Object[] later = at(1, "z", 3 * 24 * 60 + 30);
    for (List<Object[]> arrivals : List.of(List.of(day3, day1, later), List.of(later, day3, day1))) {
      Harness h = arrive(arrivals);

      List<TestRecord<String, EnrichedArticle>> released = h.out().readRecordsToList();
      assertThat(released).extracting(r -> r.value().getArticleId()).containsExactly("x", "y", "z");
      assertThat(released).extracting(r -> LateArticles.marked(r.headers())).containsExactly(false, true, false);
    }
  }
}
