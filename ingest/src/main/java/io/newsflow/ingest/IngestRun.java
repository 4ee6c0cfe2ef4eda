package io.newsflow.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One load of files and folders into an {@link ArticleIntake}: every rejection is reported as one
 * line ({@code path:line: reason: message}) on the error stream (and becomes a dead letter there),
 * progress is shown while reading, and everything is committed before the run returns. Bad input
 * never stops the run; a failure that is not about one record (schema registry unreachable, producer
 * fenced) does, by propagating. The caller prints the summary and chooses the exit code
 * ({@link IngestSummary#clean()}).
 */
public final class IngestRun {
  private static final Logger LOG = LoggerFactory.getLogger(IngestRun.class);

  private final ArticleFiles files;
  private final ArticleIntake intake;
  private final PrintStream errors;
  private final LoadProgress.Factory progress;

  public IngestRun(ArticleIntake intake, PrintStream errors, LoadProgress.Factory progress) {
    this(new ArticleFiles(), intake, errors, progress);
  }

  public IngestRun(ArticleFiles files, ArticleIntake intake, PrintStream errors, LoadProgress.Factory progress) {
    this.files = files;
    this.intake = intake;
    this.errors = errors;
    this.progress = progress;
  }

  /** Ingests everything under {@code path} and commits it. */
  public IngestSummary ingest(Path path) {
    return ingest(List.of(path));
  }

  /** Ingests each of {@code paths} in the order given and commits everything; the counts are this run's. */
  public IngestSummary ingest(List<Path> paths) {
    IngestSummary before = intake.summary();
    long bytes = files.bytesToRead(paths);
    long started = System.nanoTime();
    try (LoadProgress shown = progress.start(bytes)) {
      Reporter reporter = new Reporter(shown);
      for (Path path : paths) {
        files.read(path, reporter);
      }
      intake.commit();
    }
    IngestSummary summary = intake.summary().since(before);
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    long items = summary.published() + summary.unchanged() + summary.rejected();
    LOG.info("read {} inputs ({} MiB) in {} s: {} inputs/s, {} MiB/s", items, String.format("%.1f", bytes / 1048576.0),
        String.format("%.1f", seconds), Math.round(items / seconds), String.format("%.2f", bytes / 1048576.0 / seconds));
    if (summary.failedDeliveries() > 0) {
      errors.println("kafka: " + summary.failedDeliveries() + " record(s) could not be delivered; the log has each error");
    }
    return summary;
  }

  /** Passes what the sources read on to the intake, reporting rejections and progress. */
  private final class Reporter implements SourceListener {
    private final LoadProgress shown;

    Reporter(LoadProgress shown) {
      this.shown = shown;
    }

    @Override
    public void article(IncomingArticle article) {
      intake.article(article);
      shown.item();
    }

    @Override
    public void rejected(Rejection rejection) {
      shown.report(errors, rejection.describe());
      intake.rejected(rejection);
      shown.item();
    }

    @Override
    public void bytesRead(long count) {
      shown.bytesRead(count);
    }
  }
}
