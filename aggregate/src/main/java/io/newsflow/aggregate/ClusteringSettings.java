package io.newsflow.aggregate;

import io.newsflow.platform.config.NewsflowConfig;
import java.time.Duration;

/**
 * Thresholds and limits of story assignment. Defaults are conservative first values; issue #5 fits
 * them on labelled data and ships the fitted values as configuration.
 *
 * @param nearDuplicateJaccard estimated shingle Jaccard from which an article is a near duplicate
 * @param topicalThreshold     cosine of top terms (against the story centroid) from which an article
 *                             that shares a salient entity joins the story as new reporting
 * @param idleClose            stream time without new articles after which a story closes
 * @param maxPostingsPerKey    candidate postings kept per index key (most recent first)
 * @param topEntities          entities carried on events
 */
public record ClusteringSettings(double nearDuplicateJaccard, double topicalThreshold, Duration idleClose,
                                 int maxPostingsPerKey, int topEntities) {

  public static ClusteringSettings defaults() {
    return new ClusteringSettings(0.5, 0.45, Duration.ofDays(3), 32, 5);
  }

  public static ClusteringSettings from(NewsflowConfig config) {
    ClusteringSettings d = defaults();
    return new ClusteringSettings(
        config.get("aggregate.near-duplicate-jaccard").map(Double::parseDouble).orElse(d.nearDuplicateJaccard()),
        config.get("aggregate.topical-threshold").map(Double::parseDouble).orElse(d.topicalThreshold()),
        Duration.ofMillis(config.getLong("aggregate.idle-close-ms", d.idleClose().toMillis())),
        (int) config.getLong("aggregate.max-postings-per-key", d.maxPostingsPerKey()),
        (int) config.getLong("aggregate.top-entities", d.topEntities()));
  }
}
