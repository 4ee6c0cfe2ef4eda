package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.StoryArticle;
import io.newsflow.schemas.avro.WeightedTerm;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Scores an article against a candidate story from several signals (see {@link ClusteringSettings}). */
final class StoryScorer {
  /** Recent titles of a story compared with the article's title. */
  static final int TITLES_COMPARED = 10;
  /** Compiled once: String.split compiles a pattern like this on every call (10 % of aggregate's profile). */
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> TITLE_STOPWORDS = Set.of(
      "the", "and", "for", "with", "from", "that", "this", "after", "over", "into", "about", "says", "said",
      "new", "are", "was", "has", "have", "its", "his", "her", "their", "will", "not", "but", "who", "what");

  /** Word sets of titles kept: a story's recent titles are split again for every article it is a candidate of. */
  static final int RECENT_TITLES = 20_000;

  private final ClusteringSettings settings;
  private final YearConflict yearConflict = new YearConflict();
  private final Map<String, Set<String>> recentTitleWords =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
          return size() > RECENT_TITLES;
        }
      };

  StoryScorer(ClusteringSettings settings) {
    this.settings = settings;
  }

  double score(EnrichedArticle article, StoryState story, TermStatistics stats) {
    double gapDays = gapDays(article, story);
    double score = settings.termWeight() * termCosine(article.getTopTerms(), story.getCentroid(), stats)
        + settings.entityWeight() * entityOverlap(article.getEntities(), story.getSnapshot().getEntities(), stats)
        + settings.titleWeight() * titleOverlap(article.getTitle(), story.getSnapshot().getArticles())
        - settings.gapWeight() * Math.min(gapDays, 30) / 30;
    // Conflict signals are off by default (ADR 23): computing them only to multiply by 0 cost a scan per candidate.
    if (settings.conflictWeight() != 0) {
      score -= settings.conflictWeight()
          * EntityConflict.conflict(article.getEntities(), story.getSnapshot().getEntities());
    }
    if (settings.yearConflictWeight() != 0) {
      score -= settings.yearConflictWeight() * yearConflict.conflict(article, story.getYears());
    }
    return score;
  }

  private static double gapDays(EnrichedArticle article, StoryState story) {
    return Duration.between(story.getSnapshot().getUpdatedAt(), article.getEventTime()).abs().toMinutes() / (24.0 * 60);
  }

  /** Cosine of tf-idf vectors: the article's top terms against the story's summed terms. */
  static double termCosine(List<WeightedTerm> article, List<WeightedTerm> centroid, TermStatistics stats) {
    Map<String, Double> story = new HashMap<>();
    double storyNorm = 0;
    for (WeightedTerm t : centroid) {
      double w = t.getWeight() * stats.termIdf(t.getTerm());
      story.put(t.getTerm(), w);
      storyNorm += w * w;
    }
    double dot = 0;
    double articleNorm = 0;
    for (WeightedTerm t : article) {
      double w = t.getWeight() * stats.termIdf(t.getTerm());
      dot += w * story.getOrDefault(t.getTerm(), 0.0);
      articleNorm += w * w;
    }
    return articleNorm == 0 || storyNorm == 0 ? 0 : dot / Math.sqrt(articleNorm * storyNorm);
  }

  /** Share of the article's entity mass (salience times idf) that the story already has. */
  static double entityOverlap(List<Entity> article, List<EntityRef> story, TermStatistics stats) {
    Set<String> storyKeys = new HashSet<>();
    story.forEach(e -> storyKeys.add(IndexKeys.entity(e.getType(), e.getName())));
    double shared = 0;
    double total = 0;
    for (Entity e : article) {
      String key = IndexKeys.entity(e.getType(), e.getName());
      double w = e.getSalience() * stats.idf(key);
      total += w;
      if (storyKeys.contains(key)) {
        shared += w;
      }
    }
    return total == 0 ? 0 : shared / total;
  }

  /** Share of the article title's content words found in the story's recent titles. */
  double titleOverlap(String title, List<StoryArticle> storyArticles) {
    Set<String> words = titleWords(title);
    if (words.isEmpty()) {
      return 0;
    }
    Set<String> storyWords = new HashSet<>();
    int from = Math.max(0, storyArticles.size() - TITLES_COMPARED);
    storyArticles.subList(from, storyArticles.size()).forEach(a -> storyWords.addAll(storyTitleWords(a.getTitle())));
    if (!storyArticles.isEmpty()) {
      storyWords.addAll(storyTitleWords(storyArticles.get(0).getTitle()));
    }
    long shared = words.stream().filter(storyWords::contains).count();
    return (double) shared / words.size();
  }

  private Set<String> storyTitleWords(String title) {
    Set<String> words = recentTitleWords.get(title);
    if (words == null) {
      words = Set.copyOf(titleWords(title));
      recentTitleWords.put(title, words);
    }
    return words;
  }

  static Set<String> titleWords(String title) {
    Set<String> words = new HashSet<>();
    for (String w : NON_WORD.split(title.toLowerCase(Locale.ROOT))) {
      if (w.length() >= 3 && !TITLE_STOPWORDS.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }
}
