package io.newsflow.aggregate;

import static io.newsflow.aggregate.AggregateTopologyTest.T0;
import static io.newsflow.aggregate.AggregateTopologyTest.quake;
import static io.newsflow.aggregate.AggregateTopologyTest.quakeAndTsunami;
import static io.newsflow.aggregate.AggregateTopologyTest.tsunami;
import static io.newsflow.aggregate.Articles.signature;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.evaluation.OfflineReplay;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.serde.AvroTrust;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Merges in memory, as fitting and evaluating replay them: articles of an absorbed story count for the survivor. */
class StoryClustererMergeTest {
  static List<EnrichedArticle> bridged;

  @BeforeAll
  static void articles() {
    AvroTrust.trustGeneratedClasses();
    bridged = List.of(quake("q1", "wire.example", signature(1), T0),
        tsunami("t1", "daily.example", signature(2), T0.plusSeconds(60)),
        quakeAndTsunami("b1", "wire.example", signature(3), T0.plusSeconds(120)));
  }

  @Test
  void offlineReplayPutsTheAbsorbedStorysArticlesInTheSurvivor() {
    Map<String, String> storyOf = OfflineReplay.stories(bridged, AggregateTopologyTest.bridging());

    assertThat(storyOf).containsOnlyKeys("q1", "t1", "b1").allSatisfy((article, story) ->
        assertThat(story).isEqualTo(StoryIds.forFoundingArticle("q1")));
  }

  @Test
  void theSurvivorIsTheOlderStoryWhicheverOfTheTwoScoresBest() {
    InMemoryStoryIndex index = new InMemoryStoryIndex(32);
    StoryClusterer clusterer = new StoryClusterer(AggregateTopologyTest.bridging());
    clusterer.accept(bridged.get(0), index);
    clusterer.accept(bridged.get(1), index);

    StoryClusterer.Outcome outcome = clusterer.accept(bridged.get(2), index);

    assertThat(outcome.storyId()).isEqualTo(StoryIds.forFoundingArticle("q1"));
    assertThat(outcome.decision().bridgedStoryId()).isEqualTo(StoryIds.forFoundingArticle("t1"));
    assertThat(outcome.decision().score()).isGreaterThanOrEqualTo(0.5);
    assertThat(outcome.decision().bridgedScore()).isGreaterThanOrEqualTo(0.5);
    assertThat(outcome.moved()).extracting(a -> a.getArticleId()).containsExactly("t1");
    assertThat(StoryLineage.currentId(index, StoryIds.forFoundingArticle("t1"))).isEqualTo(StoryIds.forFoundingArticle("q1"));
    assertThat(StoryLineage.active(index, StoryIds.forFoundingArticle("t1")).getSnapshot().getArticles())
        .extracting(a -> a.getArticleId()).containsExactly("q1", "t1", "b1");
  }
}
