package io.newsflow.ingest.replay;

import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.ArticleIntake;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.LoadProgress;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.RejectionReason;
import io.newsflow.ingest.SourceListener;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replay of archives into an {@link ArticleIntake}, in publication-time order, in two passes so
 * that no archive has to fit in memory. The first pass reads every input once, in walk order:
 * rejections go out as dead letters at once (they have no time to wait for), articles outside the
 * date window are counted and dropped, and the rest are spooled to a temporary file while only
 * their publication time and spool position stay in memory (about 40 bytes each). The second pass
 * sorts those by time (ties keep input order, so a replay is deterministic) and publishes each
 * article from the spool, waiting between them as the speed says.
 *
 * <p>The intake counts articles already published with the same title and body as unchanged and
 * does not write them again, so replaying the same archive twice publishes nothing the second time.
 * A paced replay commits what it has before each wait, so articles become visible when they are due.
 */
public final class ReplayRun {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayRun.class);

  /** Waits; {@code Thread::sleep} outside tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final ArticleFiles files;
  private final ArticleIntake intake;
  private final PrintStream errors;
  private final LoadProgress.Factory reading;
  private final ReplayProgress.Factory publishing;
  private final Path spoolDirectory;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;

  public ReplayRun(ArticleFiles files, ArticleIntake intake, PrintStream errors, LoadProgress.Factory reading,
                   ReplayProgress.Factory publishing, Path spoolDirectory, Sleeper sleeper, LongSupplier nanoTime) {
    this.files = files;
    this.intake = intake;
    this.errors = errors;
    this.reading = reading;
    this.publishing = publishing;
    this.spoolDirectory = spoolDirectory;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  /** A replay with the real clock and sleep. */
  public ReplayRun(ArticleIntake intake, PrintStream errors, LoadProgress.Factory reading,
                   ReplayProgress.Factory publishing, Path spoolDirectory) {
    this(new ArticleFiles(), intake, errors, reading, publishing, spoolDirectory,
        d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000), System::nanoTime);
  }

  /** Replays {@code inputs} at {@code speed}, keeping the articles published within {@code window}. */
  public ReplaySummary replay(List<Path> inputs, ReplaySpeed speed, ReplayWindow window) throws InterruptedException {
    IngestSummary before = intake.summary();
    long started = System.nanoTime();
    Timeline timeline;
    try (ArticleSpool spool = ArticleSpool.create(spoolDirectory)) {
      timeline = new Timeline(spool, window);
      try (LoadProgress shown = reading.start(files.bytesToRead(inputs))) {
        timeline.shown = shown;
        for (Path input : inputs) {
          files.read(input, timeline);
        }
      }
      intake.commit();
      LOG.info("replay: {} articles to publish from {} MiB of spool, {} skipped by date", timeline.entries.size(),
          String.format("%.1f", spool.size() / 1048576.0), timeline.skipped);
      publish(timeline.inPublicationOrder(), spool, speed);
    }
    IngestSummary summary = intake.summary().since(before);
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    LOG.info("replayed {} articles in {} s: {} articles/s", timeline.entries.size(), String.format("%.1f", seconds),
        Math.round(timeline.entries.size() / seconds));
    if (summary.failedDeliveries() > 0) {
      errors.println("kafka: " + summary.failedDeliveries() + " record(s) could not be delivered; the log has each error");
    }
    return new ReplaySummary(summary, timeline.skipped);
  }

  private void publish(List<TimedPosition> order, ArticleSpool spool, ReplaySpeed speed) throws InterruptedException {
    ReplayPacer pacer = new ReplayPacer(speed, nanoTime);
    try (ReplayProgress shown = publishing.start(order.size())) {
      for (TimedPosition entry : order) {
        Duration wait = pacer.waitBefore(Instant.ofEpochMilli(entry.epochMillis()));
        if (!wait.isZero()) {
          intake.commit();
          sleeper.sleep(wait);
        }
        intake.accept(spool.read(entry.position()));
        shown.published();
      }
      intake.commit();
    }
  }

  /** Where an article waits in the spool, and when it was published. */
  record TimedPosition(long epochMillis, long position) {}

  /** The first pass: dead letters out at once, articles in the window into the spool. */
  private final class Timeline implements SourceListener {
    private final ArticleSpool spool;
    private final ReplayWindow window;
    private final List<TimedPosition> entries = new ArrayList<>();
    private long skipped;
    private LoadProgress shown = LoadProgress.NONE;

    Timeline(ArticleSpool spool, ReplayWindow window) {
      this.spool = spool;
      this.window = window;
    }

    @Override
    public void article(IncomingArticle article) {
      shown.item();
      Instant published = article.publishedAt();
      if (published == null) {
        reject(new Rejection(article.origin(), RejectionReason.NO_DATE,
            "no publication time: a replay cannot place the article in time",
            (article.title() + "\n\n" + article.body()).getBytes(StandardCharsets.UTF_8)));
        return;
      }
      if (!window.contains(published)) {
        skipped++;
        return;
      }
      entries.add(new TimedPosition(published.toEpochMilli(), spool.append(article)));
    }

    @Override
    public void rejected(Rejection rejection) {
      shown.item();
      reject(rejection);
    }

    private void reject(Rejection rejection) {
      shown.report(errors, rejection.describe());
      intake.rejected(rejection);
    }

    @Override
    public void bytesRead(long count) {
      shown.bytesRead(count);
    }

    /** Publication order, sorted in place; ties keep input order (positions grow with it). */
    List<TimedPosition> inPublicationOrder() {
      entries.sort(Comparator.comparingLong(TimedPosition::epochMillis).thenComparingLong(TimedPosition::position));
      return entries;
    }
  }
}
