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
 * comparisons: exact duplicates by content hash, near duplicates by MinHash over LSH candidates, and
 * otherwise the best-scoring story among those sharing a band, a salient entity or a rare term.
 * Candidates are visited in story-id order and ties go to the smaller id, so the decision never
 * depends on hash-map iteration order.
 */
public final class StoryAssigner {
  /** Candidate stories scored per article, those sharing the most index keys with it first: bounds the work. */
  static final int MAX_CANDIDATES = 12;

  private final ClusteringSettings settings;
  private final StoryScorer scorer;

  public StoryAssigner(ClusteringSettings settings) {
    this.settings = settings;
    this.scorer = new StoryScorer(settings);
  }

  public Assignment assign(EnrichedArticle article, StoryIndex index) {
    for (Posting p : index.postings(IndexKeys.contentHash(article))) {
      if (isActive(index.story(p.getStoryId()))) {
        return new Assignment(p.getStoryId(), ArticleRole.EXACT_DUPLICATE, 1.0);
      }
    }
    CandidateVotes votes = new CandidateVotes();
    Assignment near = bestNearDuplicate(article, index, votes);
    if (near != null) {
      return near;
    }
    for (String key : IndexKeys.entities(article)) {
      votes.addAll(index.postings(key));
    }
    for (String key : IndexKeys.rareTerms(article, index)) {
      votes.addAll(index.postings(key));
    }
    Assignment best = null;
    CachedTermStatistics stats = new CachedTermStatistics(index);
    for (String storyId : votes.top(MAX_CANDIDATES)) {
      StoryState story = index.story(storyId);
      if (!isActive(story)) {
        continue;
      }
      double score = scorer.score(article, story, stats);
      if (score >= settings.threshold() && isBetter(score, storyId, best)) {
        best = new Assignment(storyId, ArticleRole.NEW_REPORT, score);
      }
    }
    return best != null ? best : Assignment.newStory();
  }

  /** The story of the most similar near copy, if any reaches the threshold; collects band candidates on the way. */
  private Assignment bestNearDuplicate(EnrichedArticle article, StoryIndex index, CandidateVotes votes) {
    TreeSet<String> seen = new TreeSet<>();
    Assignment best = null;
    for (String band : IndexKeys.bands(article)) {
      for (Posting p : index.postings(band)) {
        if (!seen.add(p.getArticleId()) || !isActive(index.story(p.getStoryId()))) {
          continue;
        }
        votes.add(p);
        double jaccard = Similarity.minHashJaccard(article.getFingerprints().getMinHash(), index.signature(p.getArticleId()));
        if (jaccard >= settings.nearDuplicateJaccard() && isBetter(jaccard, p.getStoryId(), best)) {
          best = new Assignment(p.getStoryId(), ArticleRole.NEAR_DUPLICATE, jaccard);
        }
      }
    }
    return best;
  }

  private static boolean isBetter(double score, String storyId, Assignment best) {
    return best == null || score > best.score() || (score == best.score() && storyId.compareTo(best.storyId()) < 0);
  }

  private static boolean isActive(StoryState story) {
    return story != null && story.getSnapshot().getStatus() == StoryStatus.ACTIVE;
  }

  /** Every key the article is indexed under once assigned. */
  static List<String> indexKeys(EnrichedArticle article, TermStatistics stats) {
    List<String> keys = new ArrayList<>();
    keys.add(IndexKeys.contentHash(article));
    keys.addAll(IndexKeys.bands(article));
    keys.addAll(IndexKeys.entities(article));
    keys.addAll(IndexKeys.rareTerms(article, stats));
    return keys;
  }
}
