package io.newsflow.aggregate;

import io.newsflow.platform.streams.DeadLetters;
import io.newsflow.platform.streams.RejectedRecordException;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Judges an article against the latest event time already released to the story assigner: more than
 * the late grace behind it, it becomes a {@code late-article} dead letter carrying the bytes of the
 * record the assigner was sent ({@link ClusteringRecord}: the enriched article without its clean text)
 * and the article's position on the enriched topic, where the whole article is. Judged in release order, so the verdict is the same in every run.
 */
final class LateArticles {
  /** Dead-letter reason of an article older than the latest released event time minus the late grace. */
  static final String REASON = "late-article";

  private final Duration grace;
  private final String sourceTopic;
  private final Serializer<EnrichedArticle> serializer;

  LateArticles(Duration grace, String sourceTopic, Serializer<EnrichedArticle> serializer) {
    this.grace = grace;
    this.sourceTopic = sourceTopic;
    this.serializer = serializer;
  }

  /** The dead letter for {@code article} if it is late, given the latest released event time (null: none yet). */
  Optional<DeadLetter> judge(EnrichedArticle article, Long latestReleased, SourcePosition at) {
    long time = article.getEventTime().toEpochMilli();
    if (latestReleased == null || latestReleased - time <= grace.toMillis()) {
      return Optional.empty();
    }
    RejectedRecordException why = new RejectedRecordException(REASON, "article " + article.getArticleId()
        + " published " + article.getEventTime() + " is more than " + grace + " behind stream time "
        + Instant.ofEpochMilli(latestReleased));
    return Optional.of(DeadLetters.fromRecord(AggregateTopology.STAGE, REASON, why, sourceTopic,
        at == null ? -1 : at.partition(), at == null ? -1 : at.offset(), time,
        article.getArticleId().getBytes(StandardCharsets.UTF_8), serializer.serialize(sourceTopic, article)));
  }
}
