package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrich topology on the real broker and registry, exactly-once, with a poison record in its input. */
class EnrichIT {
  @TempDir Path dir;

  @Test
  void enrichesArticlesAndSendsUndecodableRecordsToTheDeadLetterTopic() throws Exception {
    // Given: a raw topic holding a valid article, bytes that are not Avro, and an empty article
    NewsflowConfig config = TestCluster.isolatedConfig(dir);
    HttpSchemaRegistryClient registry = TestTopics.registry(config);
    Topics topics = TestTopics.provision(config, 2);
    String raw = topics.raw().name();
    TestTopics.produce(config, raw, Serdes.String().serializer(), topics.raw().valueSerde().serializer(), List.of(
        new ProducerRecord<>(raw, "a1", EnrichTopologyTest.article("a1", EnrichTopologyTest.BODY, BodyFormat.HTML,
            EnrichTopologyTest.PUBLISHED)),
        new ProducerRecord<>(raw, "a2", EnrichTopologyTest.article("a2", " ", BodyFormat.TEXT, EnrichTopologyTest.PUBLISHED))));
    TestTopics.produce(config, raw, Serdes.String().serializer(), Serdes.ByteArray().serializer(),
        List.of(new ProducerRecord<>(raw, "poison", "\u0000\u0000garbage".getBytes(StandardCharsets.UTF_8))));

    // When: the enrich service runs
    try (StreamsService enrich = new StreamsService(
        EnrichTopology.build(topics, new ArticleEnricher(new ArticleAnalyzer(), 100_000)),
        StreamsSettings.forApplication(config, StreamsSettings.applicationId(config, EnrichTopology.APPLICATION_ID),
            EnrichTopology.STAGE, topics.deadLetter().name(), registry)).start()) {

      // Then: the article is enriched, and both bad records are dead letters with reasons
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        assertThat(TestTopics.readAll(config, topics.deadLetter().name(), Serdes.String().deserializer(),
            topics.deadLetter().valueSerde().deserializer())).hasSize(2);
        assertThat(TestTopics.readAll(config, topics.enriched().name(), Serdes.String().deserializer(),
            topics.enriched().valueSerde().deserializer())).hasSize(1);
      });
    }
    List<ConsumerRecord<String, EnrichedArticle>> enriched = TestTopics.readAll(config, topics.enriched().name(),
        Serdes.String().deserializer(), topics.enriched().valueSerde().deserializer());
    assertThat(enriched.get(0).key()).isEqualTo("a1");
    assertThat(enriched.get(0).timestamp()).isEqualTo(EnrichTopologyTest.PUBLISHED.toEpochMilli());
    assertThat(enriched.get(0).value().getEntities()).isNotEmpty();

    List<DeadLetter> letters = TestTopics.readAll(config, topics.deadLetter().name(), Serdes.String().deserializer(),
        topics.deadLetter().valueSerde().deserializer()).stream().map(ConsumerRecord::value).toList();
    assertThat(letters).extracting(DeadLetter::getReason).containsExactlyInAnyOrder("empty-body", "unknown-schema");
    DeadLetter poison = letters.stream().filter(l -> l.getReason().equals("unknown-schema")).findFirst().orElseThrow();
    assertThat(poison.getTopic()).isEqualTo(raw);
    assertThat(StandardCharsets.UTF_8.decode(poison.getValue()).toString()).isEqualTo("\u0000\u0000garbage");
  }
}
