package io.newsflow.ingest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * One ingest run over files and folders: every article goes to the sink, every rejection is
 * reported as one line ({@code path:line: reason: message}) on the error stream and sent to the
 * sink as a dead letter. Bad input never stops the run; a failure that is not about one record
 * (schema registry unreachable, producer closed) does, by propagating. The caller prints the summary
 * and chooses the exit code ({@link IngestSummary#clean()}).
 */
public final class IngestRun {
  private final ArticleFiles files;
  private final ArticleSink sink;
  private final PrintStream errors;
  private final Clock clock;

  /** A run reading with the standard file types, stamping ingest times from {@code clock}. */
  public IngestRun(ArticleSink sink, PrintStream errors, Clock clock) {
    this(new ArticleFiles(), sink, errors, clock);
  }

  public IngestRun(ArticleFiles files, ArticleSink sink, PrintStream errors, Clock clock) {
    this.files = files;
    this.sink = sink;
    this.errors = errors;
    this.clock = clock;
  }

  /** Ingests everything under {@code path} and waits until it is delivered. */
  public IngestSummary ingest(Path path) {
    return ingest(List.of(path));
  }

  /** Ingests each of {@code paths} in the order given and waits until everything is delivered. */
  public IngestSummary ingest(List<Path> paths) {
    long failedBefore = sink.failedDeliveries();
    Counter counter = new Counter();
    for (Path path : paths) {
      files.read(path, counter);
    }
    sink.flush();
    long failed = sink.failedDeliveries() - failedBefore;
    if (failed > 0) {
      errors.println("kafka: " + failed + " record(s) could not be delivered; the log has each error");
    }
    return new IngestSummary(counter.published, counter.rejected, failed);
  }

  /** Passes what the sources read on to the sink, counting. */
  private final class Counter implements SourceListener {
    private long published;
    private long rejected;

    @Override
    public void article(IncomingArticle article) {
      sink.publish(RawArticles.from(article, clock.instant()));
      published++;
    }

    @Override
    public void rejected(Rejection rejection) {
      errors.println(rejection.describe());
      sink.reject(rejection, clock.instant());
      rejected++;
    }
  }
}
