package io.newsflow.aggregate;

import static io.newsflow.aggregate.AggregateTopologyTest.T0;
import static io.newsflow.aggregate.AggregateTopologyTest.election;
import static io.newsflow.aggregate.AggregateTopologyTest.quake;
import static io.newsflow.aggregate.Articles.edit;
import static io.newsflow.aggregate.Articles.signature;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.evaluation.OfflineReplay;
import io.newsflow.schemas.serde.AvroTrust;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fitting must see the candidates the topology sees: stories idle past the idle-close time take no articles offline either. */
class OfflineReplayClosingTest {
  static final Duration IDLE = Duration.ofDays(3);

  @BeforeAll
  static void trust() {
    AvroTrust.trustGeneratedClasses();
  }

  @Test
  void aStoryIdleLongerThanTheIdleCloseTimeTakesNoNewArticles() {
    List<Integer> sig = signature(1);
    Map<String, String> storyOf = OfflineReplay.stories(List.of(
        quake("a1", "wire.example", sig, T0),
        election("a2", T0.plus(IDLE).plus(Duration.ofDays(1))),
        quake("a3", "late.example", edit(sig, 4, 3), T0.plus(IDLE).plus(Duration.ofDays(1)).plusSeconds(1))),
        ClusteringSettings.defaults().withIdleClose(IDLE));

    assertThat(storyOf.get("a3")).isEqualTo(StoryIds.forFoundingArticle("a3"));
  }

  @Test
  void withinTheIdleCloseTimeTheSameArticlesJoinTheStory() {
    List<Integer> sig = signature(1);
    Map<String, String> storyOf = OfflineReplay.stories(List.of(
        quake("a1", "wire.example", sig, T0),
        election("a2", T0.plus(IDLE).minus(Duration.ofDays(1))),
        quake("a3", "late.example", edit(sig, 4, 3), T0.plus(IDLE).minus(Duration.ofDays(1)).plusSeconds(1))),
        ClusteringSettings.defaults().withIdleClose(IDLE));

    assertThat(storyOf.get("a3")).isEqualTo(StoryIds.forFoundingArticle("a1"));
  }
}
