package io.newsflow.aggregate;

import static io.newsflow.aggregate.AggregateTopologyTest.T0;
import static io.newsflow.aggregate.AggregateTopologyTest.unrelated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query tables (snapshots by story id, assignments by article id) keep no changelog of their own
 * (ADR 26): an instance with an empty state directory rebuilds them from the compacted output topics.
 */
class QueryTablesRestoreIT {
  @TempDir Path dir;

  @Test
  void anInstanceWithEmptyStateAnswersFromTheOutputTopicsAndWritesNoTableChangelogs() throws Exception {
    // Given: two articles of two stories decided by a first instance
    NewsflowConfig first = TestCluster.isolatedConfig(dir.resolve("first"));
    HttpSchemaRegistryClient registry = TestTopics.registry(first);
    Topics topics = TestTopics.provision(first, 1);
    RealBrokerAggregate.produce(first, topics,
        List.of(unrelated("a1", "harvest", T0, 21), unrelated("b1", "regatta", T0.plusSeconds(60), 22)));
    String application = StreamsSettings.applicationId(first, AggregateTopology.APPLICATION_ID);
    RealBrokerAggregate.runUntilAssigned(first, topics, registry, 2);

    // When: a second instance starts on an empty state directory
    NewsflowConfig second = first.with(NewsflowConfig.DATA_DIR, dir.resolve("second").toString());
    try (StreamsService aggregate = RealBrokerAggregate.start(second, topics, registry)) {
      // Then: its query tables hold the first instance's snapshots and assignments
      // (a store cannot be read while its thread is still starting or restoring)
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
          .ignoreExceptionsInstanceOf(InvalidStateStoreException.class).untilAsserted(() -> {
        // (they hold the topics' record bytes, ADR 26)
        byte[] story = store(aggregate.streams(), StoryStores.STORY_SNAPSHOTS).get(StoryIds.forFoundingArticle("b1"));
        assertThat(story).isNotNull();
        StorySnapshot snapshot = topics.storySnapshots().valueSerde().deserializer().deserialize("", story);
        assertThat(snapshot.getArticles()).extracting(a -> a.getArticleId()).containsExactly("b1");
        byte[] assignment = store(aggregate.streams(), StoryStores.ARTICLE_ASSIGNMENTS).get("a1");
        ArticleAssignment a1 = topics.assignments().valueSerde().deserializer().deserialize("", assignment);
        assertThat(a1.getStoryId()).isEqualTo(StoryIds.forFoundingArticle("a1"));
      });
    }
    // and neither table has a changelog topic: their source topics are their logs
    try (Admin admin = Admin.create(first.kafkaClientProperties())) {
      Set<String> names = admin.listTopics().names().get();
      assertThat(names).contains(application + "-" + StoryStores.STORY_STATE + "-changelog")
          .doesNotContain(application + "-" + StoryStores.STORY_SNAPSHOTS + "-changelog",
              application + "-" + StoryStores.ARTICLE_ASSIGNMENTS + "-changelog");
    }
  }

  private static ReadOnlyKeyValueStore<String, byte[]> store(KafkaStreams streams, String name) {
    return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, byte[]>keyValueStore()));
  }
}
