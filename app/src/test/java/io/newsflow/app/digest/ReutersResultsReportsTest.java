package io.newsflow.app.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.app.stories.ResultsReports;
import io.newsflow.app.stories.ResultsReports.MixedStory;
import io.newsflow.platform.SharedData;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reuters through the aggregate with the default settings, as {@code run} would put it into stories, and
 * the stories that chain different companies' results reports ({@link ResultsReports}). Issue 21 asks for at
 * most 5; this bound is what the shipped code measures (66 of the 73 stories holding two or more reports, with
 * the cross-validated weights of ADR 34; the subject rule of ADR 35 is off by default), so it only stops the
 * count from growing. Issue 21 counted 83 of 94 through {@code run}: its
 * titles kept the bracketed names that enrich drops ("&lt;IVACO INC&gt; YEAR NET" arrives as "YEAR NET", no
 * company to count). Enriched and replayed as {@link StoryDigestTest} does: single partition, about 5 minutes.
 */
class ReutersResultsReportsTest {
  /** Measured, a regression bound: issue 21's target is 5. */
  static final int MAX_MIXED = 66;

  @TempDir Path stateDir;

  @Test
  void fewStoriesMixDifferentCompaniesResults() throws Exception {
    List<EnrichedArticle> articles = StoryDigestTest.enriched(SharedData.path("reuters-21578"), null);
    Map<String, String> titles = new HashMap<>();
    articles.forEach(a -> titles.put(a.getArticleId(), a.getTitle()));

    Map<String, String> storyOf = storyOf(articles, ClusteringSettings.defaults());

    List<MixedStory> mixed = ResultsReports.mixedStories(storyOf, titles);
    System.out.printf(Locale.ROOT, "reuters: %d stories hold two or more results reports, %d mix companies, largest %s%n",
        ResultsReports.storiesWithReports(storyOf, titles), mixed.size(), mixed.isEmpty() ? "none" : mixed.get(0));
    assertThat(mixed).hasSizeLessThanOrEqualTo(MAX_MIXED);
  }

  /** Each article's final story, read from the assignments topic. */
  Map<String, String> storyOf(List<EnrichedArticle> articles, ClusteringSettings settings) throws Exception {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    Topics topics = new Topics(TopicNames.defaults(), 1, registry);
    NewsflowConfig config = NewsflowConfig.defaults()
        .with(NewsflowConfig.BOOTSTRAP_SERVERS, "unused:9092")
        .with(NewsflowConfig.DATA_DIR, stateDir.resolve(Integer.toString(settings.hashCode())).toString());
    var props = StreamsSettings.forApplication(config, AggregateTopology.APPLICATION_ID, AggregateTopology.STAGE,
        topics.deadLetter().name(), registry);
    Map<String, String> storyOf = new HashMap<>();
    try (TopologyTestDriver driver = new TopologyTestDriver(AggregateTopology.build(topics, settings, registry), props)) {
      TestInputTopic<String, EnrichedArticle> in = driver.createInputTopic(topics.enriched().name(),
          topics.enriched().keySerde().serializer(), topics.enriched().valueSerde().serializer());
      TestOutputTopic<String, ArticleAssignment> assignments = driver.createOutputTopic(topics.assignments().name(),
          topics.assignments().keySerde().deserializer(), topics.assignments().valueSerde().deserializer());
      for (EnrichedArticle a : articles) {
        in.pipeInput(a.getArticleId(), a, a.getEventTime());
        for (TestRecord<String, ArticleAssignment> r : assignments.readRecordsToList()) {
          storyOf.put(r.key(), r.value().getStoryId());
        }
      }
    }
    return storyOf;
  }
}
