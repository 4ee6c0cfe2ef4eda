package io.newsflow.aggregate.evaluation;

import io.newsflow.aggregate.Assignment;
import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.InMemoryStoryIndex;
import io.newsflow.aggregate.StoryClusterer;
import io.newsflow.aggregate.StoryIndex;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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
    return stories(articles, settings, null, (article, storyId) -> { });
  }

  /**
   * As {@link #stories(List, ClusteringSettings)}, with each decision taken by {@code decider} (the clusterer's
   * own when null), which is handed the replay's clusterer and index; {@code placed} hears each article's story.
   */
  static Map<String, String> stories(List<EnrichedArticle> articles, ClusteringSettings settings, Decisions decider,
                                     BiConsumer<EnrichedArticle, String> placed) {
    InMemoryStoryIndex index = InMemoryStoryIndex.of(settings);
    StoryClusterer clusterer = new StoryClusterer(settings);
    StoryClusterer.Decider decide = decider == null ? null : (article, idx) -> decider.decide(clusterer, article, idx);
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
      StoryClusterer.Outcome outcome = decide == null ? clusterer.accept(article, index) : clusterer.accept(article, index, decide);
      // Articles of a story folded into another move to the survivor, as their assignments do.
      outcome.moved().forEach(m -> storyOf.put(m.getArticleId(), outcome.storyId()));
      storyOf.put(article.getArticleId(), outcome.storyId());
      placed.accept(article, outcome.storyId());
    }
    return storyOf;
  }

  /** A replay's decisions taken by someone else than the clusterer, such as the gold labels when fitting. */
  @FunctionalInterface
  interface Decisions {
    Assignment decide(StoryClusterer clusterer, EnrichedArticle article, StoryIndex index);
  }

  private static void closeIdle(InMemoryStoryIndex index, StoryClusterer clusterer, Instant streamTime) {
    // A copy: closing removes the story, and those folded into it, from the index.
    for (StoryState story : new ArrayList<>(index.stories())) {
      clusterer.closeIfIdle(story, streamTime, index);
    }
  }
}
