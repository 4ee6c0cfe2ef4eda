package io.newsflow.ingest.feed;

import io.newsflow.ingest.ArticleSink;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.RawArticles;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.SourceListener;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/**
 * Live feed ingest: polls the feeds and hands what they yield to the sink, as {@code IngestRun}
 * does for files. Each article becomes a raw-article record (id from its canonical URL); each
 * rejection is one line on the error stream ({@code origin: reason: message}) and a dead letter.
 */
public final class FeedIngest implements AutoCloseable {
  private final FeedPoller poller;
  private final ArticleSink sink;
  private final Forward forward;

  /** Ingest with the default poller settings. */
  public FeedIngest(FeedList feeds, FeedFetcher fetcher, ArticleSink sink, PrintStream errors, Clock clock) {
    this.sink = sink;
    this.forward = new Forward(sink, errors, clock);
    this.poller = new FeedPoller(feeds, fetcher, forward, clock);
  }

  public void start() {
    poller.start();
  }

  /** Each feed's polling state, for status pages and metrics. */
  public List<FeedStatus> status() {
    return poller.status();
  }

  /** Articles and rejections handed to the sink so far, and its failed deliveries. */
  public IngestSummary summary() {
    synchronized (forward) {
      return new IngestSummary(forward.published, forward.rejected, sink.failedDeliveries());
    }
  }

  /** Stops polling, then waits until everything handed to the sink is delivered. */
  @Override
  public void close() {
    poller.close();
    sink.flush();
  }

  /** Called one at a time by the poller; synchronized only so that {@link #summary()} reads whole counts. */
  private static final class Forward implements SourceListener {
    private final ArticleSink sink;
    private final PrintStream errors;
    private final Clock clock;
    private long published;
    private long rejected;

    Forward(ArticleSink sink, PrintStream errors, Clock clock) {
      this.sink = sink;
      this.errors = errors;
      this.clock = clock;
    }

    @Override
    public synchronized void article(IncomingArticle article) {
      sink.publish(RawArticles.from(article, clock.instant()));
      published++;
    }

    @Override
    public synchronized void rejected(Rejection rejection) {
      errors.println(rejection.describe());
      sink.reject(rejection, clock.instant());
      rejected++;
    }
  }
}
