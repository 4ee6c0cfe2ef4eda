package io.newsflow.app.cluster;

import io.newsflow.app.UsageProblem;
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
public final class FeedService implements AutoCloseable {
  /** With several ingest instances on one feed list: how many poll it, and which one this is (from 0). */
  static final String FEED_INSTANCES = "ingest.feeds.instances";
  static final String FEED_INSTANCE_INDEX = "ingest.feeds.instance-index";

  private final IngestService ingest;
  private final FeedIngest polling;

  private FeedService(IngestService ingest, FeedIngest polling) {
    this.ingest = ingest;
    this.polling = polling;
  }

  public static FeedService start(Cluster cluster, Path feedList, PrintStream errors) {
    FeedList feeds;
    int instances = (int) cluster.config().getLong(FEED_INSTANCES, 1);
    int index = (int) cluster.config().getLong(FEED_INSTANCE_INDEX, 0);
    try {
      FeedList all = FeedList.read(feedList);
      feeds = all.shard(index, instances);
      errors.printf("feeds: polling %d of %d feeds (instance %d of %d)%n", feeds.feeds().size(), all.feeds().size(),
          index, instances);
    } catch (FeedListException e) {
      throw new UsageProblem(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(FEED_INSTANCE_INDEX + "/" + FEED_INSTANCES + ": " + e.getMessage());
    }
    IngestService ingest = Services.ingest(cluster, "feeds");
    FeedIngest polling = new FeedIngest(feeds, new FeedFetcher(FetchSettings.defaults()
        .withPrivateAddresses(cluster.config().getBoolean(FetchSettings.ALLOW_PRIVATE_ADDRESSES, false))), ingest.intake(), errors,
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
