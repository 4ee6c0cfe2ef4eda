package io.newsflow.aggregate;

import static io.newsflow.aggregate.AggregateTopologyTest.T0;
import static io.newsflow.aggregate.AggregateTopologyTest.election;
import static io.newsflow.aggregate.AggregateTopologyTest.quake;
import static io.newsflow.aggregate.Articles.edit;
import static io.newsflow.aggregate.Articles.signature;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.HeaderNames;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the story topology reports to its listener: the source of the pipeline's aggregate metrics. */
class AssignmentListenerTest {
  @TempDir Path stateDir;

  /** Everything the listener heard, in order. */
  static final class Recording implements AssignmentListener {
    final List<ArticleAssignment> assignments = new ArrayList<>();
    final List<Long> decisionNanos = new ArrayList<>();
    final List<Instant> ingestedAt = new ArrayList<>();
    final List<StoryEventType> events = new ArrayList<>();
    final List<String> activeCounts = new ArrayList<>();

    @Override
    public void assigned(ArticleAssignment assignment, long nanos, Instant ingested) {
      assignments.add(assignment);
      decisionNanos.add(nanos);
      ingestedAt.add(ingested);
    }

    @Override
    public void storyEvent(StoryEvent event) {
      events.add(event.getType());
    }

    @Override
    public void activeStories(String task, long count) {
      activeCounts.add(task + "=" + count);
    }
  }

  @Test
  void reportsEachDecisionItsIngestTimeEveryEventAndTheActiveStoriesOfTheTask() {
    // Given: the topology with a recording listener
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    Topics topics = new Topics(TopicNames.defaults(), 1, registry);
    NewsflowConfig config = NewsflowConfig.defaults().with(NewsflowConfig.BOOTSTRAP_SERVERS, "unused:9092")
        .with(NewsflowConfig.DATA_DIR, stateDir.toString());
    Properties props = StreamsSettings.forApplication(config, AggregateTopology.APPLICATION_ID,
        AggregateTopology.STAGE, topics.deadLetter().name(), registry);
    Recording heard = new Recording();
    Instant ingested = Instant.parse("2024-03-05T09:30:00.125Z");
    try (TopologyTestDriver driver = new TopologyTestDriver(
        AggregateTopology.build(topics, ClusteringSettings.defaults(), registry, heard),
        props)) {
      TestInputTopic<String, EnrichedArticle> enriched = driver.createInputTopic(topics.enriched().name(),
          topics.enriched().keySerde().serializer(), topics.enriched().valueSerde().serializer());

      // When: a story starts with a header-stamped article, gets a near duplicate, and closes once
      // an unrelated article moves stream time a day past the idle-close time
      List<Integer> sig = signature(1);
      RecordHeaders headers = new RecordHeaders();
      headers.add(HeaderNames.INGESTED_AT, ingested.toString().getBytes(StandardCharsets.UTF_8));
      EnrichedArticle first = quake("a1", "wire.example", sig, T0);
      enriched.pipeInput(new TestRecord<>("a1", first, headers, T0));
      EnrichedArticle second = quake("a2", "daily.example", edit(sig, 12, 7), T0.plusSeconds(600));
      enriched.pipeInput("a2", second, T0.plusSeconds(600));
      Instant afterIdle = T0.plus(ClusteringSettings.defaults().idleClose()).plus(Duration.ofDays(1));
      EnrichedArticle later = election("a3", afterIdle);
      enriched.pipeInput("a3", later, afterIdle);
    }

    // Then
    assertThat(heard.assignments).extracting(ArticleAssignment::getArticleId).containsExactly("a1", "a2", "a3");
    assertThat(heard.assignments).extracting(ArticleAssignment::getRole)
        .containsExactly(ArticleRole.NEW_REPORT, ArticleRole.NEAR_DUPLICATE, ArticleRole.NEW_REPORT);
    assertThat(heard.ingestedAt).containsExactly(ingested, null, null);
    assertThat(heard.decisionNanos).allSatisfy(n -> assertThat(n).isNotNegative());
    assertThat(heard.events).containsExactly(StoryEventType.STORY_STARTED, StoryEventType.ARTICLE_ADDED,
        StoryEventType.STORY_UPDATED, StoryEventType.STORY_CLOSED, StoryEventType.STORY_STARTED);
    // Counted from the (empty) store at start, one up per story started, one down per story closed (stream
    // time reaches the close before the article that moved it is processed), and 0 when the task closes
    assertThat(heard.activeCounts).containsExactly("0_0=0", "0_0=1", "0_0=0", "0_0=1", "0_0=0");
  }
}
