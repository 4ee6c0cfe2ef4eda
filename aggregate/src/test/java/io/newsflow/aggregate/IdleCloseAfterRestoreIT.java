package io.newsflow.aggregate;

import static io.newsflow.aggregate.AggregateTopologyTest.T0;
import static io.newsflow.aggregate.AggregateTopologyTest.unrelated;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index of active stories is state like the rest: rebuilt from its changelog, it closes the same stories. */
class IdleCloseAfterRestoreIT {
  @TempDir Path dir;

  @Test
  void anInstanceWithEmptyStateRestoresTheActiveStoriesAndClosesTheIdleOne() throws Exception {
    // Given: two stories decided by a first instance, one of them updated a day before the other goes idle
    NewsflowConfig first = TestCluster.isolatedConfig(dir.resolve("first"));
    HttpSchemaRegistryClient registry = TestTopics.registry(first);
    Topics topics = TestTopics.provision(first, 1);
    Duration idle = ClusteringSettings.defaults().idleClose();
    RealBrokerAggregate.produce(first, topics, List.of(unrelated("a1", "harvest", T0, 21),
        unrelated("b1", "regatta", T0.plus(idle).minus(Duration.ofDays(1)), 22)));
    RealBrokerAggregate.runUntilAssigned(first, topics, registry, 2);

    // When: a second instance with an empty state directory restores from the changelogs and decides
    // an article past the idle close of the first story only
    NewsflowConfig second = first.with(NewsflowConfig.DATA_DIR, dir.resolve("second").toString());
    RealBrokerAggregate.produce(second, topics, List.of(unrelated("c1", "opera", T0.plus(idle).plus(Duration.ofHours(1)), 23)));
    RealBrokerAggregate.runUntilAssigned(second, topics, registry, 3);

    // Then: the first story closed when it went idle, the second did not
    List<StoryEvent> closed = TestTopics.readAll(second, topics.storyEvents().name(), Serdes.String().deserializer(),
            topics.storyEvents().valueSerde().deserializer()).stream()
        .map(ConsumerRecord::value).filter(e -> e.getType() == StoryEventType.STORY_CLOSED).toList();
    assertThat(closed).extracting(StoryEvent::getStoryId).containsExactly(StoryIds.forFoundingArticle("a1"));
    assertThat(closed.get(0).getEventTime()).isEqualTo(T0.plus(idle));
    // and the index is logged like every other store: its changelog holds the story still active
    String changelog = StreamsSettings.applicationId(second, AggregateTopology.APPLICATION_ID) + "-"
        + StoryStores.STORY_ACTIVITY + "-changelog";
    assertThat(TestTopics.readAll(second, changelog, Serdes.String().deserializer(), Serdes.String().deserializer()))
        .extracting(ConsumerRecord::value).contains(StoryIds.forFoundingArticle("b1"));
  }
}
