package io.newsflow.ingest;

import io.newsflow.schemas.Topics;
import java.time.Clock;
import java.util.Map;

/**
 * Ingest wired to Kafka: the transactional publisher, the revisions already published (read from
 * the ingest-state topic) and the {@link ArticleIntake} over both. The publisher starts first: its
 * {@code initTransactions} aborts whatever a crashed predecessor with the same transactional id left
 * open, so the state read next is not held back by that open transaction.
 */
public final class IngestService implements AutoCloseable {
  private final RawArticlePublisher publisher;
  private final ArticleIntake intake;

  private IngestService(RawArticlePublisher publisher, ArticleIntake intake) {
    this.publisher = publisher;
    this.intake = intake;
  }

  /** {@code clientConfig}: connection settings for every Kafka client, at least {@code bootstrap.servers}. */
  public static IngestService start(Map<String, ?> clientConfig, Topics topics, IngestSettings settings, Clock clock) {
    return start(clientConfig, topics, settings, clock, IngestCounters.NONE);
  }

  /** As {@link #start(Map, Topics, IngestSettings, Clock)}, reporting what the intake does to {@code counters}. */
  public static IngestService start(Map<String, ?> clientConfig, Topics topics, IngestSettings settings, Clock clock,
                                    IngestCounters counters) {
    RawArticlePublisher publisher = RawArticlePublisher.create(clientConfig, topics, settings.transactionalId());
    try {
      PublishedRevisions known = IngestStateReader.read(clientConfig, topics.ingestState());
      IngestStateReader.latestProgress(clientConfig, topics.ingestProgress()).ifPresent(publisher::continueAfter);
      return new IngestService(publisher, new ArticleIntake(publisher, known, clock, settings.maxPerTransaction(), counters));
    } catch (RuntimeException e) {
      publisher.close();
      throw e;
    }
  }

  public ArticleIntake intake() {
    return intake;
  }

  /** Releases the producer; what was not committed is aborted (callers commit what they finished). */
  @Override
  public void close() {
    publisher.close();
  }
}
