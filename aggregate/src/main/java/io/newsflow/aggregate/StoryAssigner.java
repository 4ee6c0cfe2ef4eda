package io.newsflow.aggregate;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Decides which active story an article belongs to, using only index look-ups and a few
 * comparisons: exact duplicates by content hash, near duplicates by MinHash over LSH candidates, and
 * otherwise the best-scoring story among those sharing a band, a salient entity or a rare term.
 * Candidates are visited in story-id order and ties go to the smaller id, so the decision never
 * depends on hash-map iteration order. When the two best-scoring stories both reach the merge
 * threshold, the decision bridges them (the clusterer then folds the younger into the older).
 * Postings of stories folded into others count for their survivor ({@link StoryLineage}).
 */
public final class StoryAssigner {
  /** Candidate stories scored per article, those sharing the most index keys with it first: bounds the work. */
  static final int MAX_CANDIDATES = 12;

  private final ClusteringSettings settings;
  private final StoryScorer scorer;
  /**
   * The rare-term keys of the article last asked about: it is decided, then indexed, with the same counts
   * (they are counted before either), and sorting its terms by idf was a twentieth of the thread. Forgotten
   * whenever counts change ({@link #countsChanged}), so the same article object counted twice is sorted anew.
   */
  private EnrichedArticle rareTermsOf;
  private List<String> rareTerms;

  public StoryAssigner(ClusteringSettings settings) {
    this.settings = settings;
    this.scorer = new StoryScorer(settings);
  }

  public Assignment assign(EnrichedArticle article, StoryIndex index) {
    for (Posting p : index.postings(IndexKeys.contentHash(article))) {
      StoryState story = StoryLineage.active(index, p.storyId());
      if (story != null) {
        return new Assignment(story.getSnapshot().getStoryId(), ArticleRole.EXACT_DUPLICATE, 1.0);
      }
    }
    CandidateVotes votes = new CandidateVotes();
    Assignment near = bestNearDuplicate(article, index, votes);
    if (near != null) {
      return near;
    }
    CachedTermStatistics stats = new CachedTermStatistics(index);
    voteByEntitiesAndTerms(article, index, votes, stats);
    Assignment best = null;
    Assignment second = null;
    StoryScorer.Prepared scoring = null;
    SubjectConflict.Marks marks = null;
    for (StoryState story : candidates(votes, index)) {
      String storyId = story.getSnapshot().getStoryId();
      if (scoring == null) {
        scoring = scorer.prepare(article, stats);
      }
      double score = scoring.score(story);
      if (score < settings.threshold()) {
        continue;
      }
      if (settings.subjectMargin() > 0 && score < settings.threshold() + settings.subjectMargin()) {
        marks = marks == null ? SubjectConflict.of(article) : marks;
        if (marks.with(story)) {
          continue;
        }
      }
      Assignment candidate = new Assignment(storyId, ArticleRole.NEW_REPORT, score);
      if (isBetter(score, storyId, best)) {
        second = best;
        best = candidate;
      } else if (isBetter(score, storyId, second)) {
        second = candidate;
      }
    }
    if (best == null) {
      return Assignment.newStory();
    }
    return second != null && second.score() >= settings.mergeThreshold() ? best.bridging(second) : best;
  }

  /**
   * Every signal of the article against each candidate story, by story id in the order they are scored:
   * what {@code newsflow fit} learns the weights from. Duplicates are not short-cut here.
   */
  public Map<String, double[]> candidateSignals(EnrichedArticle article, StoryIndex index) {
    CandidateVotes votes = new CandidateVotes();
    TreeSet<String> seen = new TreeSet<>();
    for (String band : IndexKeys.bands(article)) {
      for (Posting p : index.postings(band)) {
        if (seen.add(p.articleId()) && StoryLineage.active(index, p.storyId()) != null) {
          votes.add(p);
        }
      }
    }
    CachedTermStatistics stats = new CachedTermStatistics(index);
    voteByEntitiesAndTerms(article, index, votes, stats);
    StoryScorer.Prepared scoring = scorer.prepare(article, stats);
    Map<String, double[]> signals = new LinkedHashMap<>();
    for (StoryState story : candidates(votes, index)) {
      signals.put(story.getSnapshot().getStoryId(), scoring.signals(story));
    }
    return signals;
  }

  private void voteByEntitiesAndTerms(EnrichedArticle article, StoryIndex index, CandidateVotes votes,
                                      TermStatistics stats) {
    for (String key : IndexKeys.entities(article)) {
      votes.addAll(index.postings(key));
    }
    for (String key : rareTerms(article, stats)) {
      votes.addAll(index.postings(key));
    }
  }

  /** The active stories most voted for, each once (folded stories count for their survivor), at most {@link #MAX_CANDIDATES}. */
  private static List<StoryState> candidates(CandidateVotes votes, StoryIndex index) {
    List<StoryState> stories = new ArrayList<>();
    TreeSet<String> scored = new TreeSet<>();
    for (String indexedId : votes.top(MAX_CANDIDATES)) {
      StoryState story = StoryLineage.active(index, indexedId);
      if (story != null && scored.add(story.getSnapshot().getStoryId())) {
        stories.add(story);
      }
    }
    return stories;
  }

  /** The story of the most similar near copy, if any reaches the threshold; collects band candidates on the way. */
  private Assignment bestNearDuplicate(EnrichedArticle article, StoryIndex index, CandidateVotes votes) {
    TreeSet<String> seen = new TreeSet<>();
    Assignment best = null;
    for (String band : IndexKeys.bands(article)) {
      for (Posting p : index.postings(band)) {
        if (!seen.add(p.articleId())) {
          continue;
        }
        StoryState story = StoryLineage.active(index, p.storyId());
        if (story == null) {
          continue;
        }
        votes.add(p);
        String storyId = story.getSnapshot().getStoryId();
        double jaccard = Similarity.minHashJaccard(article.getFingerprints().getMinHash(), index.signature(p.articleId()));
        if (jaccard >= settings.nearDuplicateJaccard() && isBetter(jaccard, storyId, best)) {
          best = new Assignment(storyId, ArticleRole.NEAR_DUPLICATE, jaccard);
        }
      }
    }
    return best;
  }

  private static boolean isBetter(double score, String storyId, Assignment best) {
    return best == null || score > best.score() || (score == best.score() && storyId.compareTo(best.storyId()) < 0);
  }

  /** Every key the article is indexed under once assigned, with the counts it was decided with. */
  List<String> indexKeys(EnrichedArticle article, TermStatistics stats) {
    List<String> keys = new ArrayList<>();
    keys.add(IndexKeys.contentHash(article));
    keys.addAll(IndexKeys.bands(article));
    keys.addAll(IndexKeys.entities(article));
    keys.addAll(rareTerms(article, stats));
    return keys;
  }

  /** Says the document counts changed: what was sorted by them is stale. */
  void countsChanged() {
    rareTermsOf = null;
    rareTerms = null;
  }

  private List<String> rareTerms(EnrichedArticle article, TermStatistics stats) {
    if (article != rareTermsOf) {
      rareTerms = IndexKeys.rareTerms(article, stats);
      rareTermsOf = article;
    }
    return rareTerms;
  }
}
