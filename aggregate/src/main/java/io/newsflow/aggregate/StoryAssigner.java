package io.newsflow.aggregate;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.StoryStatus;
import io.newsflow.schemas.avro.internal.Posting;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides which active story an article belongs to, using only index look-ups and a few
 * comparisons: exact duplicates by content hash, near duplicates by MinHash over LSH candidates,
 * and the same story in other words by term cosine against stories sharing a salient entity.
 * Ties go to the smaller story id, so the decision does not depend on index iteration order.
 */
public final class StoryAssigner {
  private final ClusteringSettings settings;

  public StoryAssigner(ClusteringSettings settings) {
    this.settings = settings;
  }

  public Assignment assign(EnrichedArticle article, StoryIndex index) {
    for (Posting p : index.postings(IndexKeys.contentHash(article))) {
      if (isActive(index, p.getStoryId())) {
        return new Assignment(p.getStoryId(), ArticleRole.EXACT_DUPLICATE, 1.0);
      }
    }
    Assignment near = bestNearDuplicate(article, index);
    if (near != null) {
      return near;
    }
    Assignment topical = bestTopical(article, index);
    return topical != null ? topical : Assignment.newStory();
  }

  private Assignment bestNearDuplicate(EnrichedArticle article, StoryIndex index) {
    TreeSet<String> seen = new TreeSet<>();
    Assignment best = null;
    for (String band : IndexKeys.bands(article)) {
      for (Posting p : index.postings(band)) {
        if (!seen.add(p.getArticleId()) || !isActive(index, p.getStoryId())) {
          continue;
        }
        double jaccard = Similarity.minHashJaccard(article.getFingerprints().getMinHash(), index.signature(p.getArticleId()));
        if (jaccard >= settings.nearDuplicateJaccard() && isBetter(jaccard, p.getStoryId(), best)) {
          best = new Assignment(p.getStoryId(), ArticleRole.NEAR_DUPLICATE, jaccard);
        }
      }
    }
    return best;
  }

  private Assignment bestTopical(EnrichedArticle article, StoryIndex index) {
    TreeSet<String> candidates = new TreeSet<>();
    for (String key : IndexKeys.entities(article)) {
      for (Posting p : index.postings(key)) {
        candidates.add(p.getStoryId());
      }
    }
    Assignment best = null;
    for (String storyId : candidates) {
      StoryState story = index.story(storyId);
      if (story == null || story.getSnapshot().getStatus() != StoryStatus.ACTIVE) {
        continue;
      }
      double cosine = Similarity.cosine(article.getTopTerms(), story.getCentroid());
      if (cosine >= settings.topicalThreshold() && isBetter(cosine, storyId, best)) {
        best = new Assignment(storyId, ArticleRole.NEW_REPORT, cosine);
      }
    }
    return best;
  }

  private static boolean isBetter(double score, String storyId, Assignment best) {
    return best == null || score > best.score() || (score == best.score() && storyId.compareTo(best.storyId()) < 0);
  }

  private static boolean isActive(StoryIndex index, String storyId) {
    StoryState story = index.story(storyId);
    return story != null && story.getSnapshot().getStatus() == StoryStatus.ACTIVE;
  }

  /** Every key the article is indexed under once assigned. */
  public static List<String> indexKeys(EnrichedArticle article) {
    List<String> keys = new ArrayList<>();
    keys.add(IndexKeys.contentHash(article));
    keys.addAll(IndexKeys.bands(article));
    keys.addAll(IndexKeys.entities(article));
    return keys;
  }
}
