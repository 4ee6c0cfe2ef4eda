package io.newsflow.app.cluster;

import io.newsflow.ingest.IngestService;
import io.newsflow.ingest.push.ArticlePushServer;
import io.newsflow.ingest.push.PushSettings;
import java.time.Clock;

/**
 * {@code POST /articles} with an ingest of its own. Start it after any file load: it reads the
 * ingest state when it starts, so it then knows what the load published.
 */
public final class PushEndpoint implements AutoCloseable {
  private final IngestService ingest;
  private final ArticlePushServer server;

  private PushEndpoint(IngestService ingest, ArticlePushServer server) {
    this.ingest = ingest;
    this.server = server;
  }

  public static PushEndpoint start(Cluster cluster) {
    IngestService ingest = Services.ingest(cluster, "push");
    try {
      return new PushEndpoint(ingest,
          ArticlePushServer.start(ingest.intake(), PushSettings.from(cluster.config()), Clock.systemUTC()));
    } catch (RuntimeException e) {
      ingest.close();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      ingest.close();
    }
  }
}
