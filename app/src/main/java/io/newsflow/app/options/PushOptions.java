package io.newsflow.app.options;

import io.newsflow.ingest.push.PushSettings;
import io.newsflow.platform.config.NewsflowConfig;
import picocli.CommandLine.Option;

/** The flags of the HTTP push endpoint, shared by {@code ingest} and {@code run}. */
public final class PushOptions {
  @Option(names = "--push",
      description = "Serve POST /articles (JSON article or array) on ingest.http.host:ingest.http.port until stopped;"
          + " a bearer token is required when ingest.push.token (NEWSFLOW_INGEST_PUSH_TOKEN) is set.")
  public boolean enabled;

  @Option(names = "--push-port", paramLabel = "PORT",
      description = "Port of the push endpoint (default " + PushSettings.DEFAULT_PORT + ", setting ingest.http.port).")
  Integer port;

  /** {@code config} with the flags laid over it. */
  public NewsflowConfig apply(NewsflowConfig config) {
    return port == null ? config : config.with(PushSettings.PORT, port.toString());
  }
}
