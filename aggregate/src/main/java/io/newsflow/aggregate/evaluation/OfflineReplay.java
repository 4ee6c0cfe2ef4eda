package io.newsflow.aggregate.evaluation;

import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.InMemoryStoryIndex;
import io.newsflow.aggregate.StoryChange;
import io.newsflow.aggregate.StoryClusterer;
import io.newsflow.aggregate.StoryLineage;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs story clustering over enriched articles in memory, in the given order, with the same code
 * the topology runs: fast enough to try thousands of settings when fitting. Idle stories close as in
 * the topology (checked every {@link ClusteringSettings#CLOSE_CHECK_INTERVAL} of event time), so a fit sees the same
 * candidates the topology would.
 */
public final class OfflineReplay {
  private OfflineReplay() {}

  /** Article id → story id. */
  public static Map<String, String> stories(List<EnrichedArticle> articles, ClusteringSettings settings) {
    InMemoryStoryIndex index = new InMemoryStoryIndex(settings.maxPostingsPerKey());
    StoryClusterer clusterer = new StoryClusterer(settings);
    Map<String, String> storyOf = new HashMap<>();
    Instant nextCloseCheck = null;
    for (EnrichedArticle article : articles) {
      Instant time = article.getEventTime();
      if (nextCloseCheck == null || !time.isBefore(nextCloseCheck)) {
        if (nextCloseCheck != null) {
          closeIdle(index, clusterer, time);
        }
        nextCloseCheck = time.plus(ClusteringSettings.CLOSE_CHECK_INTERVAL);
      }
      storyOf.put(article.getArticleId(), clusterer.accept(article, index).storyId());
    }
    // Articles of stories folded into others belong to the survivors.
    storyOf.replaceAll((articleId, storyId) -> StoryLineage.currentId(index, storyId));
    return storyOf;
  }

  private static void closeIdle(InMemoryStoryIndex index, StoryClusterer clusterer, Instant streamTime) {
    List<StoryState> closed = new ArrayList<>();
    for (StoryState story : index.stories()) {
      StoryChange change = clusterer.closeIfIdle(story, streamTime);
      if (change != null) {
        closed.add(change.state());
      }
    }
    closed.forEach(index::putStory);
  }
}
