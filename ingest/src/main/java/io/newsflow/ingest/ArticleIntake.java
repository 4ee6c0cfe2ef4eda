package io.newsflow.ingest;

import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * Where every article enters, whatever its source (files, archives, HTTP push): an article whose
 * title and body were already published as they are is counted as unchanged and not published
 * again; a new one is published as revision 1, a changed one as the next revision, each with its
 * ingest-state record; rejections go out as dead letters. Writes go out in transactions of at most
 * {@code maxPerTransaction} records, and the known revisions follow only what was committed.
 *
 * <p>Not thread-safe: one reading thread, or callers that take turns (the push server).
 */
public final class ArticleIntake implements SourceListener {
  private final ArticleSink sink;
  private final PublishedRevisions revisions;
  private final Clock clock;
  private final int maxPerTransaction;
  private final IngestCounters counters;

  private int pendingArticles;
  private int pendingLetters;
  private long published;
  private long unchanged;
  private long rejected;
  private long failedDeliveries;

  public ArticleIntake(ArticleSink sink, PublishedRevisions revisions, Clock clock, int maxPerTransaction) {
    this(sink, revisions, clock, maxPerTransaction, IngestCounters.NONE);
  }

  public ArticleIntake(ArticleSink sink, PublishedRevisions revisions, Clock clock, int maxPerTransaction,
                       IngestCounters counters) {
    if (maxPerTransaction < 1) {
      throw new IllegalArgumentException("maxPerTransaction must be at least 1, got " + maxPerTransaction);
    }
    this.sink = sink;
    this.revisions = revisions;
    this.clock = clock;
    this.maxPerTransaction = maxPerTransaction;
    this.counters = counters;
  }

  /** Publishes {@code incoming} unless unchanged; returns its article id either way. */
  public String accept(IncomingArticle incoming) {
    Instant now = clock.instant();
    RawArticle article = RawArticles.from(incoming, now);
    String hash = ContentHash.of(article.getTitle(), article.getBody());
    OptionalInt revision = revisions.stage(article.getArticleId(), hash);
    if (revision.isEmpty()) {
      unchanged++;
      counters.unchanged();
      return article.getArticleId();
    }
    article.setRevision(revision.getAsInt());
    sink.publish(article, PublishedRevision.newBuilder()
        .setArticleId(article.getArticleId())
        .setContentHash(hash)
        .setRevision(revision.getAsInt())
        .setPublishedAt(article.getIngestedAt())
        .build());
    pendingArticles++;
    commitWhenFull();
    return article.getArticleId();
  }

  @Override
  public void article(IncomingArticle article) {
    accept(article);
  }

  @Override
  public void rejected(Rejection rejection) {
    sink.reject(rejection, clock.instant());
    rejected++;
    counters.rejected(rejection.reason());
    pendingLetters++;
    commitWhenFull();
  }

  private void commitWhenFull() {
    if (pendingArticles + pendingLetters >= maxPerTransaction) {
      commit();
    }
  }

  /** Writes what is pending in one transaction; false when it failed (counted as failed deliveries). */
  public boolean commit() {
    boolean ok = sink.commit();
    if (ok) {
      revisions.commit();
      published += pendingArticles;
      if (pendingArticles > 0) {
        counters.published(pendingArticles);
      }
    } else {
      revisions.abort();
      failedDeliveries += pendingArticles + pendingLetters;
    }
    pendingArticles = 0;
    pendingLetters = 0;
    return ok;
  }

  /** Counts so far; articles not yet committed are not counted as published. */
  public IngestSummary summary() {
    return new IngestSummary(published, unchanged, rejected, failedDeliveries);
  }
}
