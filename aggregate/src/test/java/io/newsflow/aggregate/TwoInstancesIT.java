package io.newsflow.aggregate;

import static io.newsflow.aggregate.AggregateTopologyTest.election;
import static io.newsflow.aggregate.AggregateTopologyTest.quake;
import static io.newsflow.aggregate.AggregateTopologyTest.quakeAndTsunami;
import static io.newsflow.aggregate.AggregateTopologyTest.tsunami;
import static io.newsflow.aggregate.Articles.edit;
import static io.newsflow.aggregate.Articles.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.aggregate.query.StoryQueries;
import io.newsflow.aggregate.query.StoryRoutes;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.OperationsServer;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import io.newsflow.schemas.serde.AvroTrust;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two aggregate instances of one application on the real broker, topics of 3 partitions: they must
 * give the very stories and events one instance gives, and each must answer every story query,
 * forwarding to the other where the other owns the key.
 */
class TwoInstancesIT {
  static final int PARTITIONS = 3;
  static final ClusteringSettings SETTINGS = AggregateTopologyTest.bridging();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final HttpClient http = HttpClient.newHttpClient();

  /**
   * Recent event times: story events are kept 30 days by record time, so a 2024 event would be deleted
   * by the broker's retention while the test reads it.
   */
  static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));

  /** Stories with near duplicates, new reports, a second language (shard) and one merge; ids spread over partitions. */
  static List<EnrichedArticle> articles() {
    AvroTrust.trustGeneratedClasses();
    List<EnrichedArticle> list = new ArrayList<>();
    list.add(quake("q1", "wire.example", signature(1), T0));
    list.add(quake("q2", "daily.example", edit(signature(1), 10, 4), T0.plusSeconds(60)));
    list.add(tsunami("t1", "daily.example", signature(2), T0.plusSeconds(120)));
    list.add(election("e1", T0.plusSeconds(180)));
    list.add(election("e2", T0.plusSeconds(200)));
    list.add(EnrichedArticle.newBuilder(election("d1", T0.plusSeconds(210))).setLanguage("de").build());
    list.add(EnrichedArticle.newBuilder(election("d2", T0.plusSeconds(220))).setLanguage("de").build());
    list.add(quakeAndTsunami("b1", "wire.example", signature(3), T0.plusSeconds(240)));
    list.add(tsunami("t2", "third.example", edit(signature(2), 10, 9), T0.plusSeconds(300)));
    list.add(quake("q3", "fourth.example", signature(4), T0.plusSeconds(360)));
    return list;
  }

  @Test
  void twoInstancesGiveTheStoriesOfOneAndAnswerEveryQueryFromEither() throws Exception {
    // Given: the same articles, in the same order, into two fresh sets of 3-partition topics
    List<EnrichedArticle> input = articles();
    assertThat(input.stream().map(a -> partition(a.getArticleId())).distinct()).hasSize(PARTITIONS);

    // When: one instance processes the first set, two instances of one application the second
    Run one = new Run(TestCluster.isolatedConfig(dir.resolve("one")), input);
    try (Instance single = one.start("single")) {
      one.awaitAssignments(input.size() + 1);
    }
    Run two = new Run(TestCluster.isolatedConfig(dir.resolve("two")), input);
    try (Instance a = two.start("a"); Instance b = two.start("b")) {
      two.awaitAssignments(input.size() + 1);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
          a.ownsSomePartition() && b.ownsSomePartition());

      // Then: the same stories and events
      assertThat(two.storyOfArticle()).isEqualTo(one.storyOfArticle());
      assertThat(two.eventsByStory()).isEqualTo(one.eventsByStory());
      assertThat(two.eventsByStory().values()).flatExtracting(events -> events).extracting(StoryEvent::getType)
          .contains(StoryEventType.STORIES_MERGED);

      // And: each instance answers for every key, including those only the other holds
      Map<String, String> storyOf = two.storyOfArticle();
      Map<String, StorySnapshot> snapshots = two.latestSnapshots();
      Set<HostInfo> owners = new HashSet<>();
      for (Instance asked : List.of(a, b)) {
        for (Map.Entry<String, String> e : storyOf.entrySet()) {
          owners.add(asked.owner(StoryStores.ARTICLE_ASSIGNMENTS, e.getKey()));
          owners.add(asked.owner(StoryStores.STORY_SNAPSHOTS, e.getValue()));
          JsonNode assignment = awaitOk(asked.url() + "/articles/" + e.getKey() + "/story");
          assertThat(assignment.get("storyId").asText()).isEqualTo(e.getValue());
        }
        for (StorySnapshot s : snapshots.values()) {
          JsonNode story = awaitOk(asked.url() + "/stories/" + s.getStoryId());
          assertThat(story.get("version").asLong()).isEqualTo(s.getVersion());
          assertThat(story.get("articleCount").asInt()).isEqualTo(s.getArticles().size());
          assertThat(story.get("mergedInto").isNull()).isEqualTo(s.getMergedInto() == null);
        }
        HttpResponse<String> unknown = get(asked.url() + "/stories/s-000000000000000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("s-000000000000000000000000");
        assertThat(get(asked.url() + "/articles/a-unknown/story").statusCode()).isEqualTo(404);
      }
      assertThat(owners).containsExactlyInAnyOrder(a.self, b.self);

      String survivor = StoryIds.forFoundingArticle("q1");
      JsonNode fromA = awaitOk(a.url() + "/stories?entity=chile&since=" + T0);
      JsonNode fromB = awaitOk(b.url() + "/stories?entity=chile&since=" + T0);
      assertThat(fromA).isEqualTo(fromB);
      List<String> listed = new ArrayList<>();
      fromA.get("stories").forEach(n -> listed.add(n.get("storyId").asText()));
      List<String> expected = snapshots.values().stream()
          .filter(s -> s.getMergedInto() == null && s.getEntities().stream().anyMatch(e -> e.getName().equals("Chile")))
          .map(StorySnapshot::getStoryId).toList();
      assertThat(listed).containsExactlyInAnyOrderElementsOf(expected).contains(survivor)
          .doesNotContain(StoryIds.forFoundingArticle("t1"));
      assertThat(awaitOk(a.url() + "/stories?since=" + T0.plusSeconds(3600)).get("count").asInt()).isZero();
      assertThat(get(a.url() + "/stories?since=yesterday").statusCode()).isEqualTo(400);
    }
  }

  static int partition(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
  }

  JsonNode awaitOk(String url) {
    List<JsonNode> body = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      HttpResponse<String> response = get(url);
      assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
      body.add(JSON.readTree(response.body()));
    });
    return body.get(body.size() - 1);
  }

  HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** One set of topics with the input in it, and the instances reading it. */
  static final class Run {
    final NewsflowConfig config;
    final Topics topics;
    final HttpSchemaRegistryClient registry;

    Run(NewsflowConfig config, List<EnrichedArticle> input) throws Exception {
      this.config = config;
      this.registry = TestTopics.registry(config);
      this.topics = TestTopics.provision(config, PARTITIONS);
      String enriched = topics.enriched().name();
      // One input partition: the order of decisions is then the order given, whoever runs them.
      TestTopics.produce(config, enriched, Serdes.String().serializer(), topics.enriched().valueSerde().serializer(),
          input.stream().map(x -> new ProducerRecord<>(enriched, 0, x.getArticleId(), x)).toList());
    }

    Instance start(String name) {
      NewsflowConfig own = config.with(NewsflowConfig.DATA_DIR, config.require(NewsflowConfig.DATA_DIR) + "/" + name);
      StoryQueries queries = new StoryQueries();
      OperationsServer server = OperationsServer.start("127.0.0.1", 0,
          new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), routes -> StoryRoutes.register(routes, queries));
      HostInfo self = new HostInfo("127.0.0.1", server.port());
      Properties props = StreamsSettings.forApplication(own, StreamsSettings.applicationId(own,
          AggregateTopology.APPLICATION_ID), AggregateTopology.STAGE, topics.deadLetter().name(), registry);
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + server.port());
      StreamsService service = new StreamsService(AggregateTopology.build(topics, SETTINGS, registry), props);
      queries.bind(service.streams(), self, topics);
      service.start();
      return new Instance(service, server, self);
    }

    void awaitAssignments(int records) {
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
          assertThat(TestTopics.readAll(config, topics.assignments().name(), Serdes.String().deserializer(),
              topics.assignments().valueSerde().deserializer())).hasSize(records));
    }

    Map<String, String> storyOfArticle() {
      Map<String, String> storyOf = new TreeMap<>();
      for (ConsumerRecord<String, ArticleAssignment> r : TestTopics.readAll(config, topics.assignments().name(),
          Serdes.String().deserializer(), topics.assignments().valueSerde().deserializer())) {
        storyOf.put(r.key(), r.value().getStoryId());
      }
      return storyOf;
    }

    /** Each story's events in the order of its partition. */
    Map<String, List<StoryEvent>> eventsByStory() {
      Map<String, List<StoryEvent>> byStory = new TreeMap<>();
      for (ConsumerRecord<String, StoryEvent> r : TestTopics.readAll(config, topics.storyEvents().name(),
          Serdes.String().deserializer(), topics.storyEvents().valueSerde().deserializer())) {
        byStory.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
      }
      byStory.forEach((story, events) -> assertThat(events).as("events of %s in %s", story, byStory)
          .extracting(StoryEvent::getSequence)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, events.size()).mapToObj(i -> (long) i).toList()));
      return byStory;
    }

    Map<String, StorySnapshot> latestSnapshots() {
      Map<String, StorySnapshot> latest = new LinkedHashMap<>();
      for (ConsumerRecord<String, StorySnapshot> r : TestTopics.readAll(config, topics.storySnapshots().name(),
          Serdes.String().deserializer(), topics.storySnapshots().valueSerde().deserializer())) {
        latest.put(r.key(), r.value());
      }
      return latest;
    }
  }

  /** One running aggregate instance and its HTTP server. */
  record Instance(StreamsService service, OperationsServer server, HostInfo self) implements AutoCloseable {
    String url() {
      return server.url();
    }

    boolean ownsSomePartition() {
      KafkaStreams streams = service.streams();
      return streams.state() == KafkaStreams.State.RUNNING && streams.metadataForLocalThreads().stream()
          .anyMatch(t -> t.activeTasks().stream().anyMatch(task -> task.topicPartitions().stream()
              .anyMatch(tp -> tp.topic().endsWith("snapshots") || tp.topic().endsWith("assignments"))));
    }

    HostInfo owner(String store, String key) {
      return service.streams().queryMetadataForKey(store, key, Serdes.String().serializer()).activeHost();
    }

    @Override
    public void close() {
      try {
        service.close();
      } finally {
        server.close();
      }
    }
  }
}
