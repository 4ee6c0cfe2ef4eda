package io.newsflow.aggregate;

import static io.newsflow.aggregate.AggregateTopologyTest.T0;
import static io.newsflow.aggregate.AggregateTopologyTest.election;
import static io.newsflow.aggregate.AggregateTopologyTest.quake;
import static io.newsflow.aggregate.Articles.edit;
import static io.newsflow.aggregate.Articles.signature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.HeaderNames;
import io.newsflow.schemas.ProgressRecords;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The story topology on the real broker: enriched articles spread over partitions, stories out. */
class AggregateIT {
  @TempDir Path dir;

  @Test
  void groupsNearDuplicatesAcrossInputPartitionsAndStampsEventsWithEventTime() throws Exception {
    // Given: three enriched articles on a 3-partition topic, produced now but published in 2024
    NewsflowConfig config = TestCluster.isolatedConfig(dir);
    HttpSchemaRegistryClient registry = TestTopics.registry(config);
    Topics topics = TestTopics.provision(config, 3);
    String enriched = topics.enriched().name();
    List<EnrichedArticle> articles = List.of(
        quake("a1", "wire.example", signature(1), T0),
        quake("a2", "daily.example", edit(signature(1), 10, 4), T0.plusSeconds(300)),
        election("a3", T0.plusSeconds(600)));
    // As enrich writes them: one article to each partition, with ingest's sequence (0, 1, 2), then each
    // partition's progress record vouching for sequence 2 (ADR 31).
    List<ProducerRecord<String, EnrichedArticle>> records = new ArrayList<>();
    for (int i = 0; i < articles.size(); i++) {
      RecordHeaders headers = new RecordHeaders();
      headers.add(HeaderNames.SEQUENCE, ProgressRecords.decimal(i));
      records.add(new ProducerRecord<>(enriched, i, articles.get(i).getArticleId(), articles.get(i), headers));
    }
    for (int p = 0; p < 3; p++) {
      RecordHeaders headers = new RecordHeaders();
      ProgressRecords.stamp(headers, articles.size() - 1);
      records.add(new ProducerRecord<>(enriched, p, ProgressRecords.key(p), null, headers));
    }
    TestTopics.produce(config, enriched, Serdes.String().serializer(), topics.enriched().valueSerde().serializer(), records);

    // When
    try (StreamsService aggregate = new StreamsService(
        AggregateTopology.build(topics, ClusteringSettings.defaults(), registry),
        StreamsSettings.forApplication(config, StreamsSettings.applicationId(config, AggregateTopology.APPLICATION_ID),
            AggregateTopology.STAGE, topics.deadLetter().name(), registry)).start()) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
          assertThat(TestTopics.readAll(config, topics.assignments().name(), Serdes.String().deserializer(),
              topics.assignments().valueSerde().deserializer())).hasSize(3));
    }

    // Then
    Map<String, String> storyOf = TestTopics.readAll(config, topics.assignments().name(), Serdes.String().deserializer(),
            topics.assignments().valueSerde().deserializer()).stream()
        .collect(Collectors.toMap(ConsumerRecord::key, r -> r.value().getStoryId()));
    // However the three partitions interleaved, the first copy ingest wrote founds the story (ADR 31).
    assertThat(storyOf.get("a1")).isEqualTo(StoryIds.forFoundingArticle("a1"));
    assertThat(storyOf.get("a2")).isEqualTo(storyOf.get("a1"));
    assertThat(storyOf.get("a3")).isEqualTo(StoryIds.forFoundingArticle("a3"));

    List<ConsumerRecord<String, StoryEvent>> events = TestTopics.readAll(config, topics.storyEvents().name(),
        Serdes.String().deserializer(), topics.storyEvents().valueSerde().deserializer());
    assertThat(events).extracting(r -> r.value().getType()).filteredOn(t -> t == StoryEventType.STORY_STARTED).hasSize(2);
    assertThat(events).allSatisfy(r -> {
      assertThat(r.key()).isEqualTo(r.value().getStoryId());
      assertThat(r.timestamp()).isBetween(T0.toEpochMilli(), T0.plusSeconds(600).toEpochMilli());
    });
    assertThat(TestTopics.readAll(config, topics.storySnapshots().name(), Serdes.String().deserializer(),
        topics.storySnapshots().valueSerde().deserializer())).extracting(ConsumerRecord::key)
        .containsOnly(storyOf.get("a1"), storyOf.get("a3"));
  }
}
