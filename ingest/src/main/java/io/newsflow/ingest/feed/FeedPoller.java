package io.newsflow.ingest.feed;

import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.SourceListener;
import io.newsflow.ingest.page.PageExtractor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls many feeds concurrently, each on its own schedule: after a poll ends, the next one of the
 * same feed is scheduled after its interval, or after its backoff when the poll failed (see
 * {@link Backoff}). A slow or broken feed holds up only itself: every fetch is bounded by the
 * {@link FetchSettings} timeouts, polls of one feed never overlap, and the other feeds' polls run on
 * the other threads of a small pool.
 *
 * <p>The listener is called from the pool's threads but never by two at once, so it need not be
 * thread-safe; each feed's items arrive in feed order. Everything a feed yields, failures
 * included, reaches the listener: articles, rejected items, and one rejection per failed poll
 * (origin = the feed URL). State (validators, failures, counters) lives in memory;
 * {@link #status()} takes a snapshot.
 */
public final class FeedPoller implements AutoCloseable {
  /** Threads polling at once; fetches wait on the network, not the CPU. */
  public static final int DEFAULT_THREADS = 8;
  /** The longest wait between attempts at a failing feed (unless its own interval is longer). */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final List<FeedState> feeds;
  private final FeedPoll poll;
  private final Clock clock;
  private final ScheduledThreadPoolExecutor scheduler;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean closed;

  public FeedPoller(FeedList feeds, FeedFetcher fetcher, SourceListener listener, Clock clock) {
    this(feeds, fetcher, listener, clock, DEFAULT_THREADS, DEFAULT_MAX_BACKOFF);
  }

  public FeedPoller(FeedList feeds, FeedFetcher fetcher, SourceListener listener, Clock clock, int threads,
                    Duration maxBackoff) {
    if (threads < 1) {
      throw new IllegalArgumentException("a poller needs at least one thread, not " + threads);
    }
    this.feeds = feeds.feeds().stream().map(feed -> new FeedState(feed, maxBackoff)).toList();
    this.clock = clock;
    this.poll = new FeedPoll(fetcher, new FeedReader(), new ArticlePages(fetcher, new PageExtractor()),
        new OneAtATime(listener), clock);
    this.scheduler = new ScheduledThreadPoolExecutor(threads, daemonThreads());
    this.scheduler.setRemoveOnCancelPolicy(true);
  }

  /** Polls every feed now, then each on its own schedule, until {@link #close()}. */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("the poller is already started");
    }
    for (FeedState feed : feeds) {
      scheduler.execute(() -> pollAndReschedule(feed));
    }
  }

  /** A snapshot of every feed's state, in feed-list order. */
  public List<FeedStatus> status() {
    return feeds.stream().map(FeedState::status).toList();
  }

  private void pollAndReschedule(FeedState feed) {
    if (closed) {
      return;
    }
    Duration next;
    try {
      next = poll.poll(feed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();   // closing
      return;
    } catch (RuntimeException e) {
      // A bug or a failing listener: this feed backs off, the others carry on, and it is said loudly.
      LOG.error("polling {} failed unexpectedly", feed.feed(), e);
      next = feed.failed(e.toString(), clock.instant());
    }
    try {
      scheduler.schedule(() -> pollAndReschedule(feed), next.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile: nothing more to poll
    }
  }

  /**
   * Stops polling: polls in progress are interrupted (their fetches abort) and no new one starts.
   * Returns when the pool's threads have ended, so the listener is not called after this returns.
   */
  @Override
  public void close() {
    closed = true;
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("feed polls still running {} after close", CLOSE_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "feed-poller-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Serialises calls to the listener, which the pool's threads would otherwise make at once. */
  private static final class OneAtATime implements SourceListener {
    private final SourceListener listener;

    OneAtATime(SourceListener listener) {
      this.listener = listener;
    }

    @Override
    public synchronized void article(IncomingArticle article) {
      listener.article(article);
    }

    @Override
    public synchronized void rejected(Rejection rejection) {
      listener.rejected(rejection);
    }
  }
}
