package io.newsflow.aggregate.evaluation;

import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.InMemoryStoryIndex;
import io.newsflow.aggregate.StoryClusterer;
import io.newsflow.aggregate.StoryLineage;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs story clustering over enriched articles in memory, in the given order, with the same code
 * the topology runs: fast enough to try thousands of settings when fitting.
 */
public final class OfflineReplay {
  private OfflineReplay() {}

  /** Article id → story id. */
  public static Map<String, String> stories(List<EnrichedArticle> articles, ClusteringSettings settings) {
    InMemoryStoryIndex index = new InMemoryStoryIndex(settings.maxPostingsPerKey());
    StoryClusterer clusterer = new StoryClusterer(settings);
    Map<String, String> storyOf = new HashMap<>();
    for (EnrichedArticle article : articles) {
      storyOf.put(article.getArticleId(), clusterer.accept(article, index).storyId());
    }
    // Articles of stories folded into others belong to the survivors.
    storyOf.replaceAll((articleId, storyId) -> StoryLineage.currentId(index, storyId));
    return storyOf;
  }
}
