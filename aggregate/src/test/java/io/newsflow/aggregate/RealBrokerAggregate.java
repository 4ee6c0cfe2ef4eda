package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;

/** The aggregate topology on a real broker, for tests that restart it on empty state. */
final class RealBrokerAggregate {
  private RealBrokerAggregate() {}

  static void produce(NewsflowConfig config, Topics topics, List<EnrichedArticle> articles) throws Exception {
    String enriched = topics.enriched().name();
    TestTopics.produce(config, enriched, Serdes.String().serializer(), topics.enriched().valueSerde().serializer(),
        articles.stream().map(a -> new ProducerRecord<>(enriched, a.getArticleId(), a)).toList());
  }

  /** A started instance with the default clustering, state under {@code config}'s data directory. */
  static StreamsService start(NewsflowConfig config, Topics topics, HttpSchemaRegistryClient registry) {
    return new StreamsService(AggregateTopology.build(topics, ClusteringSettings.defaults(), registry),
        StreamsSettings.forApplication(config, StreamsSettings.applicationId(config, AggregateTopology.APPLICATION_ID),
            AggregateTopology.STAGE, topics.deadLetter().name(), registry)).start();
  }

  /** Runs an instance until the assignments topic holds {@code assignments} records, then stops it. */
  static void runUntilAssigned(NewsflowConfig config, Topics topics, HttpSchemaRegistryClient registry,
                               int assignments) {
    try (StreamsService aggregate = start(config, topics, registry)) {
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
          assertThat(TestTopics.readAll(config, topics.assignments().name(), Serdes.String().deserializer(),
              topics.assignments().valueSerde().deserializer())).hasSize(assignments));
    }
  }
}
