package io.newsflow.app;

import io.newsflow.platform.config.NewsflowConfig;
import picocli.CommandLine.Option;

/** The flag of the metrics and health endpoints, shared by every long-running command. */
final class OperationsOptions {
  @Option(names = "--http-port", paramLabel = "PORT",
      description = "Port of /metrics and /health (default " + Operations.DEFAULT_PORT + ", setting "
          + Operations.PORT + "; 0 for a free port).")
  Integer port;

  /** {@code config} with the flag laid over it. */
  NewsflowConfig apply(NewsflowConfig config) {
    return port == null ? config : config.with(Operations.PORT, port.toString());
  }
}
