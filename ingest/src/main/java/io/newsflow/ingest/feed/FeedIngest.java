package io.newsflow.ingest.feed;

import io.newsflow.ingest.ArticleIntake;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.SourceListener;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * Live feed ingest: polls the feeds and hands what they yield to ingest's intake, as {@code IngestRun}
 * does for files, so feed items are deduplicated like any other input (an item seen again unchanged
 * is not republished). Each poll's items are committed in one transaction once the poll is handed
 * over; each rejection is one line on the error stream ({@code origin: reason: message}) and a dead
 * letter.
 */
public final class FeedIngest implements AutoCloseable {
  private final FeedPoller poller;
  private final Forward forward;

  /** Ingest with the default poller settings. */
  public FeedIngest(FeedList feeds, FeedFetcher fetcher, ArticleIntake intake, PrintStream errors, Clock clock) {
    this.forward = new Forward(intake, errors);
    this.poller = new FeedPoller(feeds, fetcher, forward, clock);
  }

  public void start() {
    poller.start();
  }

  /** Each feed's polling state, for status pages and metrics. */
  public List<FeedStatus> status() {
    return poller.status();
  }

  /** Published, unchanged and rejected items so far, and failed deliveries. */
  public IngestSummary summary() {
    synchronized (forward) {
      return forward.intake.summary();
    }
  }

  /** Stops polling, then commits what was handed over last. */
  @Override
  public void close() {
    poller.close();
    synchronized (forward) {
      forward.intake.commit();
    }
  }

  /**
   * The intake is not thread-safe and the poller runs feeds on several threads: they take turns.
   * Each item is committed as it comes, so a live item is visible downstream at once.
   */
  private static final class Forward implements SourceListener {
    private final ArticleIntake intake;
    private final PrintStream errors;

    Forward(ArticleIntake intake, PrintStream errors) {
      this.intake = intake;
      this.errors = errors;
    }

    @Override
    public synchronized void article(IncomingArticle article) {
      intake.accept(article);
      intake.commit();
    }

    @Override
    public synchronized void rejected(Rejection rejection) {
      errors.println(rejection.describe());
      intake.rejected(rejection);
      intake.commit();
    }
  }
}
