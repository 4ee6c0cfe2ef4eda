package io.newsflow.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.schemas.TopicNames;
import org.junit.jupiter.api.Test;

class ReprocessedServiceTest {
  @Test
  void aVersionOfAggregateGetsItsOwnApplicationIdAndOutputTopicsAndReadsTheLiveInput() {
    NewsflowConfig v2 = ReprocessedService.AGGREGATE.versioned(NewsflowConfig.defaults(), "v2");

    assertThat(ReprocessedService.AGGREGATE.applicationId(v2)).isEqualTo("newsflow-aggregate-v2");
    TopicNames names = TopicNames.fromSettings(v2.asMap());
    assertThat(names.storyEvents()).isEqualTo("news.stories.events.v2");
    assertThat(names.storySnapshots()).isEqualTo("news.stories.snapshots.v2");
    assertThat(names.assignments()).isEqualTo("news.articles.assignments.v2");
    assertThat(names.deadLetter()).isEqualTo("news.deadletter.v2");
    assertThat(names.enriched()).isEqualTo("news.articles.enriched");
    assertThat(names.raw()).isEqualTo("news.articles.raw");
    assertThat(ReprocessedService.ENRICH.applicationId(v2)).isEqualTo("newsflow-enrich");
  }

  @Test
  void aVersionOfEnrichBuildsOnConfiguredNames() {
    NewsflowConfig config = NewsflowConfig.defaults()
        .with("application.id.enrich", "blue-enrich").with("topic.enriched", "blue.enriched");

    NewsflowConfig v3 = ReprocessedService.ENRICH.versioned(config, "3");

    assertThat(ReprocessedService.ENRICH.applicationId(v3)).isEqualTo("blue-enrich-3");
    assertThat(ReprocessedService.ENRICH.outputTopics(v3)).containsExactly("blue.enriched.3", "news.deadletter.3");
    assertThat(TopicNames.fromSettings(v3.asMap()).storyEvents()).isEqualTo("news.stories.events");
  }
}
