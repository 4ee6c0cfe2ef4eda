package io.newsflow.app;

import io.newsflow.ingest.IngestService;
import io.newsflow.ingest.feed.FeedFetcher;
import io.newsflow.ingest.feed.FeedIngest;
import io.newsflow.ingest.feed.FeedList;
import io.newsflow.ingest.feed.FeedListException;
import io.newsflow.ingest.feed.FetchSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/** Polls the feeds of a feed list into the raw-article topic, through ingest's intake, until closed. */
final class FeedService implements AutoCloseable {
  private final IngestService ingest;
  private final FeedIngest polling;

  private FeedService(IngestService ingest, FeedIngest polling) {
    this.ingest = ingest;
    this.polling = polling;
  }

  static FeedService start(Cluster cluster, Path feedList, PrintStream errors) {
    FeedList feeds;
    try {
      feeds = FeedList.read(feedList);
    } catch (FeedListException e) {
      throw new UsageProblem(e.getMessage());
    }
    IngestService ingest = Services.ingest(cluster, "feeds");
    FeedIngest polling = new FeedIngest(feeds, new FeedFetcher(FetchSettings.defaults()), ingest.intake(), errors,
        Clock.systemUTC());
    polling.start();
    return new FeedService(ingest, polling);
  }

  @Override
  public void close() {
    try {
      polling.close();
    } finally {
      ingest.close();
    }
  }

  @Override
  public String toString() {
    return polling.summary().toString();
  }
}
