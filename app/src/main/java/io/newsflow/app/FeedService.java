package io.newsflow.app;

import io.newsflow.ingest.RawArticlePublisher;
import io.newsflow.ingest.feed.FeedFetcher;
import io.newsflow.ingest.feed.FeedIngest;
import io.newsflow.ingest.feed.FeedList;
import io.newsflow.ingest.feed.FeedListException;
import io.newsflow.ingest.feed.FetchSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/** Polls the feeds of a feed list into the raw-article topic until closed. */
final class FeedService implements AutoCloseable {
  private final RawArticlePublisher publisher;
  private final FeedIngest ingest;

  private FeedService(RawArticlePublisher publisher, FeedIngest ingest) {
    this.publisher = publisher;
    this.ingest = ingest;
  }

  static FeedService start(Cluster cluster, Path feedList, PrintStream errors) {
    FeedList feeds;
    try {
      feeds = FeedList.read(feedList);
    } catch (FeedListException e) {
      throw new UsageProblem(e.getMessage());
    }
    RawArticlePublisher publisher = RawArticlePublisher.create(Services.producerConfig(cluster), cluster.topics());
    FeedIngest ingest = new FeedIngest(feeds, new FeedFetcher(FetchSettings.defaults()), publisher, errors, Clock.systemUTC());
    ingest.start();
    return new FeedService(publisher, ingest);
  }

  @Override
  public void close() {
    ingest.close();
    publisher.close();
  }

  @Override
  public String toString() {
    return ingest.summary().toString();
  }
}
