package io.newsflow.ingest.push;

import io.newsflow.platform.config.NewsflowConfig;
import java.util.Optional;

/**
 * Settings of the HTTP push endpoint.
 *
 * @param host            address to listen on, {@value #HOST} (default 127.0.0.1: loopback unless an
 *                        operator opens it up, since pushing articles is a write into the pipeline)
 * @param port            {@value #PORT}, default 8082; 0 picks a free port
 * @param token           bearer token every request must carry, {@value #TOKEN} (environment
 *                        {@code NEWSFLOW_INGEST_PUSH_TOKEN}); none: no authentication
 * @param maxRequestBytes {@value #MAX_BYTES}, default 1 MiB; a larger request gets 413
 */
public record PushSettings(String host, int port, Optional<String> token, int maxRequestBytes) {
  public static final String HOST = "ingest.http.host";
  public static final String PORT = "ingest.http.port";
  public static final String TOKEN = "ingest.push.token";
  public static final String MAX_BYTES = "ingest.push.max-bytes";
  public static final int DEFAULT_PORT = 8082;
  public static final int DEFAULT_MAX_BYTES = 1 << 20;

  public PushSettings {
    token = token.filter(t -> !t.isBlank());
  }

  public static PushSettings from(NewsflowConfig config) {
    return new PushSettings(config.get(HOST).orElse("127.0.0.1"), (int) config.getLong(PORT, DEFAULT_PORT),
        config.get(TOKEN), (int) config.getLong(MAX_BYTES, DEFAULT_MAX_BYTES));
  }
}
