package io.newsflow.app.options;

import io.newsflow.app.cluster.Operations;
import io.newsflow.platform.config.NewsflowConfig;
import picocli.CommandLine.Option;

/** The flag of the metrics and health endpoints, shared by every long-running command. */
public final class OperationsOptions {
  @Option(names = "--http-port", paramLabel = "PORT",
      description = "Port of /metrics and /health (default " + Operations.DEFAULT_PORT + ", setting "
          + Operations.PORT + "; 0 for a free port).")
  Integer port;

  /** {@code config} with the flag laid over it. */
  public NewsflowConfig apply(NewsflowConfig config) {
    return port == null ? config : config.with(Operations.PORT, port.toString());
  }
}
