package io.newsflow.aggregate.evaluation;

import io.newsflow.aggregate.Assignment;
import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.ScoreWeights;
import io.newsflow.aggregate.StoryLineage;
import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples scoring weights are fitted on: every article of a labelled dataset against each candidate
 * story the assigner would score, labelled by whether the candidate is the article's own story. The
 * stories are the gold ones, built in replay order by the real clustering code (with idle closing), so
 * the signals are those the topology computes when it decides well.
 */
public final class FittingExamples {
  /** The signals of one article against one candidate story, in {@link ScoreWeights#toArray()} order. */
  public record Example(double[] signals, boolean sameStory) {}

  private FittingExamples() {}

  public static List<Example> collect(List<EnrichedArticle> articles, Map<String, String> goldByArticle,
                                      ClusteringSettings settings) {
    // Every signal weighted, so stories keep what each signal reads (years only while the year signal is on).
    double[] ones = new double[ScoreWeights.SETTINGS.size()];
    Arrays.fill(ones, 1);
    ClusteringSettings teacher = settings.withScoring(ScoreWeights.of(ones), settings.threshold());
    List<Example> examples = new ArrayList<>();
    Map<String, String> storyOfGold = new HashMap<>();
    Map<String, String> goldOfStory = new HashMap<>();
    OfflineReplay.stories(articles, teacher, (clusterer, article, index) -> {
      String gold = label(goldByArticle, article);
      clusterer.candidateSignals(article, index).forEach((storyId, signals) ->
          examples.add(new Example(signals, gold.equals(goldOfStory.get(storyId)))));
      String own = storyOfGold.get(gold);
      return own != null && StoryLineage.active(index, own) != null
          ? new Assignment(own, ArticleRole.NEW_REPORT, 1.0) : Assignment.newStory();
    }, (article, storyId) -> {
      String gold = label(goldByArticle, article);
      storyOfGold.put(gold, storyId);
      goldOfStory.put(storyId, gold);
    });
    return examples;
  }

  private static String label(Map<String, String> goldByArticle, EnrichedArticle article) {
    String gold = goldByArticle.get(article.getArticleId());
    if (gold == null) {
      throw new IllegalArgumentException("article " + article.getArticleId() + " has no label");
    }
    return gold;
  }
}
