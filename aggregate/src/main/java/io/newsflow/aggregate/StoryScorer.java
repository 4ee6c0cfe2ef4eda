package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.StoryArticle;
import io.newsflow.schemas.avro.WeightedTerm;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Scores an article against a candidate story: the weighted sum of several signals ({@link ScoreWeights}). */
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
  /** Stories whose recent-title words are kept: the same candidates come back article after article. */
  static final int RECENT_STORIES = 5_000;
  /** An entity named by at most this many articles so far is rare: a victim's or a small town's name, not a president's. */
  static final int RARE_ENTITY_ARTICLES = 4;
  /** Rare shared entities beyond this many add nothing more. */
  static final int RARE_ENTITIES_COUNTED = 3;
  /** Story size at which the size penalty is 1. */
  static final int STORY_SIZE_SCALE = 50;

  private final ClusteringSettings settings;
  /** The weights as an array once, not once per candidate scored. */
  private final double[] weights;
  private final Map<String, Set<String>> recentTitleWords = lru(RECENT_TITLES);
  /** By story id, for the state they were made from: the same candidates come back article after article. */
  private final Map<String, StoryView> recentViews = lru(RECENT_STORIES);

  private static <V> Map<String, V> lru(int capacity) {
    return new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  StoryScorer(ClusteringSettings settings) {
    this.settings = settings;
    this.weights = settings.weights().toArray();
  }

  double score(EnrichedArticle article, StoryState story, TermStatistics stats) {
    return prepare(article, stats).score(story);
  }

  /** The article's side of every signal, computed once for all its candidate stories. */
  Prepared prepare(EnrichedArticle article, TermStatistics stats) {
    return new Prepared(article, stats);
  }

  /**
   * One article ready to be scored against candidate stories: its idf-weighted terms, entity keys and
   * title words are computed once instead of once per candidate (term cosine was the largest share of
   * scoring). Scores are bit-identical to computing everything per candidate: every sum runs in the same order.
   */
  final class Prepared {
    private final EnrichedArticle article;
    private final TermStatistics stats;
    /** Positions of each of the article's terms in its top terms. */
    private final Map<String, int[]> termPositions = new HashMap<>();
    private final double[] termWeights;
    private final double termNorm;
    private final String[] entityKeys;
    private final double[] entityWeights;
    private final EntityType[] entityTypes;
    private final boolean[] entityRare;
    private final Set<String> titleWords;
    /**
     * The article's detail terms by term, built on the first candidate that needs them (not at all when the
     * details signal weighs 0). They are unit length already: the cosine is a dot product over the story's norm.
     */
    private Map<String, Double> details;

    private Prepared(EnrichedArticle article, TermStatistics stats) {
      this.article = article;
      this.stats = stats;
      List<WeightedTerm> terms = article.getTopTerms();
      termWeights = new double[terms.size()];
      double norm = 0;
      for (int i = 0; i < terms.size(); i++) {
        WeightedTerm t = terms.get(i);
        double w = t.getWeight() * stats.termIdf(t.getTerm());
        termWeights[i] = w;
        norm += w * w;
        int[] seen = termPositions.get(t.getTerm());
        int[] positions = seen == null ? new int[1] : Arrays.copyOf(seen, seen.length + 1);
        positions[positions.length - 1] = i;
        termPositions.put(t.getTerm(), positions);
      }
      this.termNorm = norm;
      List<Entity> entities = article.getEntities();
      entityKeys = new String[entities.size()];
      entityWeights = new double[entities.size()];
      entityTypes = new EntityType[entities.size()];
      entityRare = new boolean[entities.size()];
      for (int i = 0; i < entities.size(); i++) {
        Entity e = entities.get(i);
        entityKeys[i] = IndexKeys.entity(e.getType(), e.getName());
        long articles = stats.documentFrequency(entityKeys[i]);
        entityWeights[i] = e.getSalience() * Idf.of(stats.documents(), articles);
        entityTypes[i] = e.getType();
        entityRare[i] = articles <= RARE_ENTITY_ARTICLES;
      }
      this.titleWords = titleWords(article.getTitle());
    }

    double score(StoryState story) {
      double[] signals = signals(story, weights);
      double score = 0;
      for (int i = 0; i < weights.length; i++) {
        score += weights[i] * signals[i];
      }
      return score;
    }

    /** Every signal against {@code story}, in the order of {@link ScoreWeights#toArray()}: what fitting learns from. */
    double[] signals(StoryState story) {
      return signals(story, null);
    }

    /** The signals whose weight is not 0 (all when {@code weights} is null); the others stay 0 and cost nothing. */
    private double[] signals(StoryState story, double[] weighted) {
      double[] s = new double[ScoreWeights.SETTINGS.size()];
      StoryView view = view(story);
      if (needed(weighted, ScoreWeights.TERMS)) {
        s[ScoreWeights.TERMS] = termCosine(view);
      }
      if (needed(weighted, ScoreWeights.ENTITIES) || needed(weighted, ScoreWeights.PERSONS)
          || needed(weighted, ScoreWeights.PLACES) || needed(weighted, ScoreWeights.ORGANIZATIONS)
          || needed(weighted, ScoreWeights.RARE_ENTITIES)) {
        entitySignals(view.entityKeys, s);
      }
      if (needed(weighted, ScoreWeights.TITLE)) {
        s[ScoreWeights.TITLE] = titleOverlap(view);
      }
      if (needed(weighted, ScoreWeights.GAP)) {
        s[ScoreWeights.GAP] = -Math.min(gapDays(article, story), 30) / 30;
      }
      // Conflict signals scan names and text: computed only when weighted (ADR 23).
      if (needed(weighted, ScoreWeights.ENTITY_CONFLICT)) {
        s[ScoreWeights.ENTITY_CONFLICT] = -EntityConflict.conflict(article.getEntities(), story.getSnapshot().getEntities());
      }
      if (needed(weighted, ScoreWeights.YEAR_CONFLICT)) {
        s[ScoreWeights.YEAR_CONFLICT] = -YearConflict.conflict(article, story.getYears());
      }
      if (needed(weighted, ScoreWeights.DETAILS)) {
        s[ScoreWeights.DETAILS] = detailCosine(view);
      }
      if (needed(weighted, ScoreWeights.STORY_SIZE)) {
        s[ScoreWeights.STORY_SIZE] = -Math.log(1 + StoryBook.articleCount(story)) / Math.log(STORY_SIZE_SCALE);
      }
      return s;
    }

    private static boolean needed(double[] weighted, int signal) {
      return weighted == null || weighted[signal] != 0;
    }

    /** Cosine of tf-idf vectors: the article's top terms against the story's summed terms. */
    private double termCosine(StoryView story) {
      // The story's weight for each of the article's terms, by the article's term positions.
      double[] storyWeights = new double[termWeights.length];
      double storyNorm = 0;
      String[] terms = story.centroidTerms;
      double[] idfs = centroidIdfs(story);
      for (int t = 0; t < terms.length; t++) {
        double w = story.centroidWeights[t] * idfs[t];
        storyNorm += w * w;
        int[] positions = termPositions.get(terms[t]);
        if (positions != null) {
          for (int i : positions) {
            storyWeights[i] = w;
          }
        }
      }
      double dot = 0;
      for (int i = 0; i < termWeights.length; i++) {
        dot += termWeights[i] * storyWeights[i];
      }
      return termNorm == 0 || storyNorm == 0 ? 0 : dot / Math.sqrt(termNorm * storyNorm);
    }

    private double[] centroidIdfs(StoryView story) {
      return stats instanceof CachedTermStatistics cached
          ? cached.centroidIdfs(story) : CachedTermStatistics.termIdfs(stats, story.centroidTerms);
    }

    /** Cosine of the article's detail terms against the story's summed ones; plain weights, no idf (ADR 28). */
    private double detailCosine(StoryView story) {
      if (details == null) {
        details = new HashMap<>();
        for (WeightedTerm t : article.getDetailTerms()) {
          details.put(t.getTerm(), t.getWeight());
        }
      }
      if (details.isEmpty()) {
        return 0;
      }
      double dot = 0;
      for (int t = 0; t < story.detailTerms.length; t++) {
        Double mine = details.get(story.detailTerms[t]);
        if (mine != null) {
          dot += mine * story.detailWeights[t];
        }
      }
      return story.detailSquares == 0 ? 0 : dot / Math.sqrt(story.detailSquares);
    }

    /**
     * The share of the article's entity mass (salience times idf) that the story already names, in all and
     * per type (persons, places, organisations), and how many rare entities they share.
     */
    private void entitySignals(Set<String> storyKeys, double[] s) {
      if (entityKeys.length == 0) {
        return;
      }
      double shared = 0;
      double total = 0;
      double[] sharedByType = new double[EntityType.values().length];
      double[] totalByType = new double[EntityType.values().length];
      int rare = 0;
      for (int i = 0; i < entityKeys.length; i++) {
        int type = entityTypes[i].ordinal();
        total += entityWeights[i];
        totalByType[type] += entityWeights[i];
        if (storyKeys.contains(entityKeys[i])) {
          shared += entityWeights[i];
          sharedByType[type] += entityWeights[i];
          if (entityRare[i]) {
            rare++;
          }
        }
      }
      s[ScoreWeights.ENTITIES] = share(shared, total);
      s[ScoreWeights.PERSONS] = share(sharedByType[EntityType.PERSON.ordinal()], totalByType[EntityType.PERSON.ordinal()]);
      s[ScoreWeights.PLACES] = share(sharedByType[EntityType.LOCATION.ordinal()], totalByType[EntityType.LOCATION.ordinal()]);
      s[ScoreWeights.ORGANIZATIONS] = share(sharedByType[EntityType.ORGANIZATION.ordinal()], totalByType[EntityType.ORGANIZATION.ordinal()]);
      s[ScoreWeights.RARE_ENTITIES] = (double) Math.min(rare, RARE_ENTITIES_COUNTED) / RARE_ENTITIES_COUNTED;
    }

    private static double share(double part, double whole) {
      return whole == 0 ? 0 : part / whole;
    }

    /** Share of the article title's content words found in the story's recent titles. */
    private double titleOverlap(StoryView story) {
      if (titleWords.isEmpty()) {
        return 0;
      }
      Set<String> storyWords = story.titleWords;
      long shared = titleWords.stream().filter(storyWords::contains).count();
      return (double) shared / titleWords.size();
    }
  }

  private static double gapDays(EnrichedArticle article, StoryState story) {
    return Duration.between(story.getSnapshot().getUpdatedAt(), article.getEventTime()).abs().toMinutes() / (24.0 * 60);
  }

  /** The story's view for this very state: the same object means the same story, as stored states are never mutated. */
  private StoryView view(StoryState story) {
    String storyId = story.getSnapshot().getStoryId();
    StoryView known = recentViews.get(storyId);
    if (known != null && known.state == story) {
      return known;
    }
    StoryView view = new StoryView(story, storyTitleWords(story));
    recentViews.put(storyId, view);
    return view;
  }

  /** Words of the story's first title and its {@value #TITLES_COMPARED} latest ones. */
  private Set<String> storyTitleWords(StoryState story) {
    List<StoryArticle> articles = story.getSnapshot().getArticles();
    Set<String> words = new HashSet<>();
    int from = Math.max(0, articles.size() - TITLES_COMPARED);
    articles.subList(from, articles.size()).forEach(a -> words.addAll(titleWords(a)));
    if (!articles.isEmpty()) {
      words.addAll(titleWords(articles.get(0)));
    }
    return words;
  }

  private Set<String> titleWords(StoryArticle storyArticle) {
    String title = storyArticle.getTitle();
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
