package io.newsflow.aggregate;

import io.newsflow.platform.config.NewsflowConfig;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How articles are scored against candidate stories, and limits of the story state. The score of a
 * candidate is the weighted sum of its signals ({@link ScoreWeights}); an article joins the best candidate
 * whose score reaches {@code threshold}. Weights and threshold are fitted offline ({@code newsflow fit}) and
 * shipped as configuration ({@code aggregate.*} settings).
 *
 * @param nearDuplicateJaccard estimated shingle Jaccard from which an article is a near duplicate
 * @param weights              weight of each scoring signal
 * @param threshold            minimum score to join a story
 * @param idleClose            stream time without new articles after which a story closes
 * @param maxPostingsPerKey    candidate postings kept per index key (most recent first)
 * @param topEntities          entities carried on events
 * @param mergeThreshold       when the two best candidates of an article both score at least this, the article
 *                             bridges them and the younger story folds into the older (infinite: never)
 * @param lateGrace            how far behind stream time an article's event time may be and still be assigned;
 *                             older articles are dead letters ({@code late-article})
 * @param documentWindow       articles counted in the document frequencies (idf) of a task: the most recent
 *                             by event time; older ones are uncounted as newer ones come (ADR 29)
 * @param lateHorizon          how long (in event time, from its close) a closed story is kept as a candidate for
 *                             late articles; zero: late articles only find active stories (ADR 30)
 * @param subjectMargin        how much more than {@code threshold} an article must score to join a story whose
 *                             headline marks another subject than its own ({@link SubjectConflict}, ADR 40);
 *                             0: subjects are not compared; infinite: such an article never joins
 */
public record ClusteringSettings(double nearDuplicateJaccard, ScoreWeights weights, double threshold,
                                 Duration idleClose,
                                 int maxPostingsPerKey, int topEntities, double mergeThreshold, Duration lateGrace,
                                 int documentWindow, Duration lateHorizon, double subjectMargin, boolean idfPrior) {

  /** Default {@link #mergeThreshold}: the lowest that costs nothing on the train splits ({@code newsflow fit}, ADR 27). */
  public static final double DEFAULT_MERGE_THRESHOLD = 2.5;
  /**
   * Chosen by {@code newsflow fit --folds 5} (grouped cross-validation over the train and dev splits of ECB+ and GVC)
   * and fitted on both splits, with the English counts starting from the prior (ADR 34, 42); see docs/clustering.md
   * "Results".
   */
  public static final ScoreWeights DEFAULT_WEIGHTS =
      new ScoreWeights(1.0, 0, 0.640, 0, 0, 0.764, 0, 0, 0, 0.978, 1.615, 3.169);
  public static final double DEFAULT_THRESHOLD = 1.049;
  /**
   * Follow-ups of one event (arrests, hearings, funerals) come days to weeks apart: with 3 days, GVC dev
   * could reach at most B-cubed F1 0.936 however well articles are scored (ADR 20).
   */
  public static final Duration DEFAULT_IDLE_CLOSE = Duration.ofDays(14);
  /**
   * Default {@link #documentWindow}: bounds the counts' memory and store (about 30 keys an article), and is
   * more than the train splits hold, where every shorter window measured cost F1 (ADR 29).
   */
  public static final int DEFAULT_DOCUMENT_WINDOW = 100_000;
  /**
   * Default {@link #lateHorizon}: one more idle period. A late article is at least a day old; one older than
   * its story's close plus this is about an event that ended weeks before and founds its own story.
   */
  public static final Duration DEFAULT_LATE_HORIZON = DEFAULT_IDLE_CLOSE;
  /**
   * Default {@link #subjectMargin}: never. Two companies' look-alike reports scored up to 3, so no finite margin
   * below that separated them on Reuters; an article that marks the story's subject, or whose subject the story
   * marks, is no conflict, so follow-ups naming both still join (ADR 40).
   */
  public static final double DEFAULT_SUBJECT_MARGIN = Double.POSITIVE_INFINITY;
  /** How often (in event time of decided articles) stories are checked for idleness, online and offline alike. */
  public static final Duration CLOSE_CHECK_INTERVAL = Duration.ofMinutes(15);

  /**
   * Chosen by cross-validation and fitted with {@code newsflow fit} on the train and dev splits of ECB+ and GVC, kept
   * within the limits on the BBC corpus as a distinct-story proxy (ADR 8, 20, 34).
   */
  public static ClusteringSettings defaults() {
    return new ClusteringSettings(0.5, DEFAULT_WEIGHTS, DEFAULT_THRESHOLD, DEFAULT_IDLE_CLOSE, 32, 5,
        DEFAULT_MERGE_THRESHOLD, Duration.ofDays(1), DEFAULT_DOCUMENT_WINDOW, DEFAULT_LATE_HORIZON,
        DEFAULT_SUBJECT_MARGIN, true);
  }

  public static ClusteringSettings from(NewsflowConfig config) {
    ClusteringSettings d = defaults();
    return new ClusteringSettings(
        number(config, "aggregate.near-duplicate-jaccard", d.nearDuplicateJaccard()),
        weights(config, d.weights()),
        number(config, "aggregate.threshold", d.threshold()),
        Duration.ofMillis(config.getLong("aggregate.idle-close-ms", d.idleClose().toMillis())),
        (int) config.getLong("aggregate.max-postings-per-key", d.maxPostingsPerKey()),
        (int) config.getLong("aggregate.top-entities", d.topEntities()),
        number(config, "aggregate.merge-threshold", d.mergeThreshold()),
        duration(config, "aggregate.late-grace", d.lateGrace()),
        (int) config.getLong("aggregate.document-window-articles", d.documentWindow()),
        duration(config, "aggregate.late-horizon", d.lateHorizon()),
        number(config, "aggregate.subject-margin", d.subjectMargin()),
        config.getBoolean("aggregate.idf-prior", d.idfPrior()));
  }

  public ClusteringSettings withScoring(ScoreWeights scoring, double minScore) {
    return new ClusteringSettings(nearDuplicateJaccard, scoring, minScore, idleClose, maxPostingsPerKey, topEntities,
        mergeThreshold, lateGrace, documentWindow, lateHorizon, subjectMargin, idfPrior);
  }

  public ClusteringSettings withMergeThreshold(double minScore) {
    return new ClusteringSettings(nearDuplicateJaccard, weights, threshold, idleClose, maxPostingsPerKey, topEntities,
        minScore, lateGrace, documentWindow, lateHorizon, subjectMargin, idfPrior);
  }

  public ClusteringSettings withIdleClose(Duration idle) {
    return new ClusteringSettings(nearDuplicateJaccard, weights, threshold, idle, maxPostingsPerKey, topEntities,
        mergeThreshold, lateGrace, documentWindow, lateHorizon, subjectMargin, idfPrior);
  }

  public ClusteringSettings withLateGrace(Duration grace) {
    return new ClusteringSettings(nearDuplicateJaccard, weights, threshold, idleClose, maxPostingsPerKey, topEntities,
        mergeThreshold, grace, documentWindow, lateHorizon, subjectMargin, idfPrior);
  }

  public ClusteringSettings withDocumentWindow(int window) {
    return new ClusteringSettings(nearDuplicateJaccard, weights, threshold, idleClose, maxPostingsPerKey, topEntities,
        mergeThreshold, lateGrace, window, lateHorizon, subjectMargin, idfPrior);
  }

  public ClusteringSettings withSubjectMargin(double margin) {
    return new ClusteringSettings(nearDuplicateJaccard, weights, threshold, idleClose, maxPostingsPerKey, topEntities,
        mergeThreshold, lateGrace, documentWindow, lateHorizon, margin, idfPrior);
  }

  public ClusteringSettings withLateHorizon(Duration horizon) {
    return new ClusteringSettings(nearDuplicateJaccard, weights, threshold, idleClose, maxPostingsPerKey, topEntities,
        mergeThreshold, lateGrace, documentWindow, horizon, subjectMargin, idfPrior);
  }

  public ClusteringSettings withIdfPrior(boolean prior) {
    return new ClusteringSettings(nearDuplicateJaccard, weights, threshold, idleClose, maxPostingsPerKey, topEntities,
        mergeThreshold, lateGrace, documentWindow, lateHorizon, subjectMargin, prior);
  }

  /** The scoring settings as {@code aggregate.*} properties, as {@code newsflow fit} writes them. */
  public Map<String, String> scoringProperties() {
    Map<String, String> p = new TreeMap<>();
    double[] w = weights.toArray();
    for (int i = 0; i < w.length; i++) {
      p.put(ScoreWeights.SETTINGS.get(i), format(w[i]));
    }
    p.put("aggregate.threshold", format(threshold));
    return p;
  }

  private static ScoreWeights weights(NewsflowConfig config, ScoreWeights defaults) {
    double[] w = defaults.toArray();
    for (int i = 0; i < w.length; i++) {
      w[i] = number(config, ScoreWeights.SETTINGS.get(i), w[i]);
    }
    return ScoreWeights.of(w);
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static Duration duration(NewsflowConfig config, String key, Duration fallback) {
    return config.get(key).map(v -> {
      try {
        Duration d = Duration.parse(v.trim());
        if (d.isNegative()) {
          throw new io.newsflow.platform.config.ConfigException("setting " + key + " must not be negative, got '" + v + "'");
        }
        return d;
      } catch (java.time.format.DateTimeParseException e) {
        throw new io.newsflow.platform.config.ConfigException(
            "setting " + key + " must be an ISO-8601 duration such as P1D or PT6H, got '" + v + "'");
      }
    }).orElse(fallback);
  }

  private static double number(NewsflowConfig config, String key, double fallback) {
    return config.get(key).map(v -> {
      try {
        return Double.parseDouble(v.trim());
      } catch (NumberFormatException e) {
        throw new io.newsflow.platform.config.ConfigException("setting " + key + " must be a number, got '" + v + "'");
      }
    }).orElse(fallback);
  }
}
