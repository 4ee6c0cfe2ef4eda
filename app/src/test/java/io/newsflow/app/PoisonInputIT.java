package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.Services;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison into both topics the topologies read, on the real broker: random bytes, truncated Avro, an
 * unknown schema id, an oversized article, null and empty keys. Each becomes a dead letter with its
 * reason and is counted; the records after them still flow. A record whose subject was deleted is no
 * poison: its schema id still resolves (soft delete), so it is processed like any other.
 */
class PoisonInputIT {
  private static final Instant PUBLISHED = Instant.parse("2025-03-04T10:00:00Z");
  private static final int MAX_BODY_CHARS = 5_000;

  @TempDir Path dir;

  @Test
  void everyKindOfPoisonBecomesACountedDeadLetterAndTheRecordsAfterItStillFlow() throws Exception {
    NewsflowConfig config = TestCluster.isolatedConfig(dir).with("enrich.max-body-chars", String.valueOf(MAX_BODY_CHARS));
    try (Cluster cluster = Cluster.connect(config)) {
      cluster.provisionTopics();
      Topics topics = cluster.topics();
      String raw = topics.raw().name();
      String enriched = topics.enriched().name();

      // Given: an article written under the raw topic's subject, which is then deleted; written by a
      // client of its own, so the services' registry client has not cached its schema
      Topics writer = new Topics(TopicNames.fromSettings(config.asMap()), 1, TestTopics.registry(config));
      produceArticles(config, writer, List.of(new ProducerRecord<>(raw, "a-deleted-subject",
          article("a-deleted-subject", PipelineIT.QUAKE))));
      HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(config.require(NewsflowConfig.SCHEMA_REGISTRY_URL) + "/subjects/" + raw + "-value")).DELETE().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(deleted.statusCode()).isEqualTo(200);

      try (StreamsService enrich = Services.enrich(cluster).start();
           StreamsService aggregate = Services.aggregate(cluster).start()) {
        // And: a valid article, so there is a real enriched record to damage
        produceArticles(config, topics, List.of(new ProducerRecord<>(raw, "a-valid", article("a-valid", PipelineIT.BUDGET))));
        awaitAssigned(config, topics, "a-deleted-subject", "a-valid");
        byte[] goodRaw = writer.raw().valueSerde().serializer().serialize(raw, article("a-x", PipelineIT.BUDGET));
        byte[] goodEnriched = TestTopics.readAll(config, enriched, Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer()).get(0).value();

        // When: poison goes into the raw and the enriched topic, then one more valid article
        Random random = new Random(20261122);
        produceBytes(config, List.of(
            new ProducerRecord<>(raw, "p-random", randomBytes(random)),
            new ProducerRecord<>(raw, "p-truncated", Arrays.copyOf(goodRaw, goodRaw.length / 2)),
            new ProducerRecord<>(raw, "p-unknown-schema", withSchemaId(goodRaw, 999_999)),
            new ProducerRecord<>(raw, null, goodRaw),
            new ProducerRecord<>(raw, "", goodRaw),
            new ProducerRecord<>(enriched, "p-random", randomBytes(random)),
            new ProducerRecord<>(enriched, "p-truncated", Arrays.copyOf(goodEnriched, goodEnriched.length - 7)),
            new ProducerRecord<>(enriched, "p-unknown-schema", withSchemaId(goodEnriched, 999_999)),
            new ProducerRecord<>(enriched, null, goodEnriched),
            new ProducerRecord<>(enriched, "", goodEnriched)));
        produceArticles(config, topics, List.of(
            new ProducerRecord<>(raw, "p-oversized", article("p-oversized", "x".repeat(MAX_BODY_CHARS + 1))),
            new ProducerRecord<>(raw, "a-after", article("a-after", PipelineIT.QUAKE_SYNDICATED))));

        // Then: the article after the poison reaches its story through both topologies
        awaitAssigned(config, topics, "a-deleted-subject", "a-valid", "a-after");
        // And: each poison record is one dead letter naming stage, reason and where it came from
        List<DeadLetter> letters = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
          letters.clear();
          TestTopics.readAll(config, topics.deadLetter().name(), Serdes.String().deserializer(),
              topics.deadLetter().valueSerde().deserializer()).forEach(r -> letters.add(r.value()));
          assertThat(letters).hasSize(11);
        });
        assertThat(letters).extracting(l -> l.getStage() + " " + l.getReason() + " " + l.getTopic())
            .containsExactlyInAnyOrder(
                "enrich not-wire-format " + raw, "enrich malformed-avro " + raw, "enrich unknown-schema " + raw,
                "enrich missing-key " + raw, "enrich missing-key " + raw, "enrich oversized " + raw,
                "aggregate not-wire-format " + enriched, "aggregate malformed-avro " + enriched,
                "aggregate unknown-schema " + enriched, "aggregate missing-key " + enriched,
                "aggregate missing-key " + enriched);
        assertThat(letters).allSatisfy(l -> {
          assertThat(l.getError()).isNotBlank().doesNotContain("\n");
          assertThat(l.getValue()).isNotNull();
        });
        // And: counted by stage and reason
        assertThat(deadLetters(cluster, "enrich", "missing-key")).isEqualTo(2.0);
        assertThat(deadLetters(cluster, "enrich", "oversized")).isEqualTo(1.0);
        assertThat(deadLetters(cluster, "aggregate", "unknown-schema")).isEqualTo(1.0);
        assertThat(cluster.meters().scrape())
            .contains("newsflow_deadletters_total{reason=\"malformed-avro\",stage=\"aggregate\"} 1.0");
        assertThat(enrich.state().isRunningOrRebalancing()).isTrue();
        assertThat(aggregate.state().isRunningOrRebalancing()).isTrue();
      }
    }
  }

  private static double deadLetters(Cluster cluster, String stage, String reason) {
    return cluster.meters().get("newsflow.deadletters").tags("stage", stage, "reason", reason).counter().count();
  }

  private static void awaitAssigned(NewsflowConfig config, Topics topics, String... articleIds) {
    Map<String, ArticleAssignment> assignments = new HashMap<>();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
      for (ConsumerRecord<String, ArticleAssignment> r : TestTopics.readAll(config, topics.assignments().name(),
          Serdes.String().deserializer(), topics.assignments().valueSerde().deserializer())) {
        assignments.put(r.key(), r.value());
      }
      assertThat(assignments).containsOnlyKeys(articleIds);
    });
  }

  private static RawArticle article(String id, String text) {
    String[] titleAndBody = text.strip().split("\n", 2);
    return RawArticle.newBuilder().setArticleId(id).setSource("wire").setTitle(titleAndBody[0])
        .setBody(titleAndBody.length > 1 ? titleAndBody[1].strip() : titleAndBody[0]).setBodyFormat(BodyFormat.TEXT)
        .setPublishedAt(PUBLISHED).setIngestedAt(PUBLISHED).setOrigin("poison-test").build();
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[64];
    random.nextBytes(bytes);
    bytes[0] = 0x42; // not the magic byte 0, so this is noise rather than a lucky header
    return bytes;
  }

  /** The same Avro body behind a schema id no registry has given out. */
  private static byte[] withSchemaId(byte[] record, int id) {
    byte[] copy = record.clone();
    ByteBuffer.wrap(copy, 1, 4).putInt(id);
    return copy;
  }

  private static void produceArticles(NewsflowConfig config, Topics topics, List<ProducerRecord<String, RawArticle>> records)
      throws Exception {
    TestTopics.produce(config, topics.raw().name(), Serdes.String().serializer(), topics.raw().valueSerde().serializer(),
        records);
  }

  private static void produceBytes(NewsflowConfig config, List<ProducerRecord<String, byte[]>> records) throws Exception {
    TestTopics.produce(config, records.get(0).topic(), Serdes.String().serializer(), Serdes.ByteArray().serializer(), records);
  }
}
