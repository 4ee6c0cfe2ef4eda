package io.newsflow.app.demo;

import io.newsflow.app.bench.CorpusGenerator;
import io.newsflow.app.bench.GeneratedArticle;
import io.newsflow.ingest.ArticleIntake;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.IngestService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in source of a bare {@code newsflow run}: the project's generated news (stories reported by
 * many outlets, syndicated copies; {@link CorpusGenerator}) published through ingest's intake, like any
 * other source, at a steady rate until stopped.
 *
 * <p>Article {@code i} is due {@code i / rate} after the start, and that instant is its publication time:
 * event time runs with the wall clock, so the dashboard shows live times and stories grow as one watches.
 * Due times are absolute on a monotonic clock, so time lost to a slow commit is caught up rather than
 * adding up. What is published is committed about once a second ({@link #COMMIT_INTERVAL}'s worth of
 * articles), so stories appear promptly without a transaction per article.
 *
 * <p>Demo data never passes for news: every source is {@code demo:<outlet>} and every URL is under
 * {@code https://demo.newsflow.example/<run>/}. The run (and the generator's seed) comes from the start time,
 * so a second demo on the same data directory publishes new articles instead of finding the first one's
 * already published.
 */
public final class DemoSource {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSource.class);
  /** Put before each outlet's name in the {@code source} of every demo article. */
  public static final String SOURCE_PREFIX = "demo:";
  /** Articles per second unless told otherwise. */
  public static final double DEFAULT_RATE = 20;
  /** Highest rate accepted: far beyond what one machine's pipeline keeps up with (a few hundred articles/s). */
  public static final double MAX_RATE = 10_000;
  /** How much publishing one ingest transaction covers. */
  static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);
  private static final String URL_PREFIX = "https://demo.newsflow.example/";

  /** Waits on the monotonic clock; {@code Duration.ZERO} only asks. */
  @FunctionalInterface
  public interface Pause {
    /** Waits up to {@code duration}; true when asked to stop (at once, then). */
    boolean stopRequestedWithin(Duration duration) throws InterruptedException;
  }

  private final Iterator<GeneratedArticle> generated;
  private final ArticleIntake intake;
  private final double nanosPerArticle;
  private final int articlesPerCommit;
  private final Instant start;
  private final String run;
  private long published;

  /** Publishes into {@code intake} at {@code rate} articles per second, the first one published at {@code start}. */
  public DemoSource(ArticleIntake intake, double rate, Instant start) {
    this.intake = intake;
    this.nanosPerArticle = 1e9 / checkRate(rate);
    this.articlesPerCommit = (int) Math.max(1, Math.round(rate * COMMIT_INTERVAL.toNanos() / 1e9));
    this.start = start;
    long seed = start.toEpochMilli();
    this.run = Long.toString(seed, 36);
    this.generated = new CorpusGenerator(seed).articles(Long.MAX_VALUE);
  }

  /** {@code rate} when it is a usable number of articles per second; else why not. */
  public static double checkRate(double rate) {
    if (!(rate > 0 && rate <= MAX_RATE)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "the demo rate must be above 0 and at most %.0f articles/s, got %s", MAX_RATE, rate));
    }
    return rate;
  }

  /**
   * Publishes each article when it falls due on {@code nanoTime} (a monotonic clock, read first as the
   * start) until {@code pause} reports a stop request, then commits what it published since the last commit.
   */
  public void run(LongSupplier nanoTime, Pause pause) throws InterruptedException {
    long startNanos = nanoTime.getAsLong();
    while (true) {
      long wait = startNanos + due(published) - nanoTime.getAsLong();
      if (pause.stopRequestedWithin(Duration.ofNanos(Math.max(0, wait)))) {
        break;
      }
      intake.accept(next());
      if (published % articlesPerCommit == 0) {
        intake.commit();
      }
    }
    if (published % articlesPerCommit != 0) {
      intake.commit();
    }
  }

  /** The next generated article, labelled as demo data and published when it is due. */
  IncomingArticle next() {
    IncomingArticle a = generated.next().article();
    Instant publishedAt = start.plusNanos(due(published++));
    return new IncomingArticle(SOURCE_PREFIX + a.source(), URL_PREFIX + run + "/" + a.guid(), a.guid(), a.title(),
        a.body(), a.isHtml(), a.language(), a.author(), publishedAt, a.origin());
  }

  /** Nanoseconds from the start to when article {@code index} is due. */
  private long due(long index) {
    return Math.round(index * nanosPerArticle);
  }

  /** Articles handed to the intake so far. */
  public long published() {
    return published;
  }

  /**
   * Starts a demo at {@code rate} on a thread of its own, publishing through {@code ingest}, which the
   * returned handle owns: closing it stops the demo, commits and closes {@code ingest}.
   */
  public static Running start(IngestService ingest, double rate, Clock clock) {
    Running running = new Running(ingest, new DemoSource(ingest.intake(), rate, clock.instant()));
    running.thread.start();
    return running;
  }

  /** A demo publishing on its own thread, until closed. */
  public static final class Running implements AutoCloseable {
    private final IngestService ingest;
    private final DemoSource source;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    private Running(IngestService ingest, DemoSource source) {
      this.ingest = ingest;
      this.source = source;
      this.thread = new Thread(this::publish, "demo-source");
      this.thread.setDaemon(true);
    }

    private void publish() {
      try {
        // A stop request, not an interrupt: interrupting a Kafka producer mid-transaction breaks it.
        source.run(System::nanoTime, d -> stop.await(d.toNanos(), TimeUnit.NANOSECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("demo source stopped after {} articles: {}", source.published(), e.toString());
      }
    }

    @Override
    public void close() throws InterruptedException {
      stop.countDown();
      try {
        thread.join();
      } finally {
        ingest.close();
      }
      LOG.info("demo source stopped: {}", ingest.intake().summary());
    }
  }
}
