package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Headers;

/**
 * Judges an article against the latest event time already released to the story assigner: more than the
 * late grace behind it, the article is late. A late article is still decided like any other, against the
 * stories active at that point (a closed story is never reopened), and its assignment and events say it
 * arrived late (ADR 30). Judged in release order, so the verdict is the same in every run.
 */
final class LateArticles {
  /** Header by which the source-order merge tells the assigner that an article is late; internal to the task. */
  static final String HEADER = "newsflow.late";
  private static final byte[] LATE = "true".getBytes(StandardCharsets.UTF_8);

  private final Duration grace;

  LateArticles(Duration grace) {
    this.grace = grace;
  }

  /** Whether {@code article} is late, given the latest released event time (null: none yet). */
  boolean isLate(EnrichedArticle article, Long latestReleased) {
    return latestReleased != null && latestReleased - article.getEventTime().toEpochMilli() > grace.toMillis();
  }

  static void mark(Headers headers) {
    headers.remove(HEADER);
    headers.add(HEADER, LATE);
  }

  static boolean marked(Headers headers) {
    return headers.lastHeader(HEADER) != null;
  }
}
