package io.newsflow.app.cluster;

import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.OperationsServer;
import io.newsflow.platform.kafka.LagReporter;
import io.newsflow.platform.streams.StreamsService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Consumer;

/** Starts a command's metrics and health endpoints from its settings, watching the topologies it runs. */
public final class Operations {
  static final String HOST = "http.host";
  public static final String PORT = "http.port";
  public static final int DEFAULT_PORT = 8080;
  /** How often consumer lag is measured into newsflow_consumer_lag_* gauges. */
  public static final String LAG_INTERVAL_MS = "lag.interval.ms";
  /** How often the dashboard samples its charts' history. */
  public static final String DASHBOARD_INTERVAL_MS = "dashboard.interval.ms";

  private Operations() {}

  /** Serves on {@code http.host}:{@code http.port} (loopback, 8080 unless set) and prints the URL on {@code err}. */
  public static OperationsServer serve(Cluster cluster, PrintStream err, StreamsService... services) {
    return serve(cluster, err, routes -> { }, services);
  }

  /** {@code service}, watched by {@code server} before it starts, so readiness never reports a topology not yet seen. */
  public static StreamsService watched(OperationsServer server, StreamsService service) {
    server.watch(service);
    return service;
  }

  /** The same, also serving {@code routes} (the aggregate's story queries). */
  public static OperationsServer serve(Cluster cluster, PrintStream err, Consumer<RoutesConfig> routes,
                                StreamsService... services) {
    OperationsServer server = serveFirst(cluster.config(), cluster.meters(), err, routes);
    for (StreamsService service : services) {
      server.watch(service);
    }
    server.closing(reportLag(cluster));
    return server;
  }

  /**
   * Serves {@code meters} and {@code routes} before there is a cluster, and prints the URL, so a command
   * that starts a local broker can show where its dashboard is before anything else; it then starts the
   * cluster on the same {@code meters} and {@link #reportLag reports lag}, closing that before the cluster.
   */
  public static OperationsServer serveFirst(NewsflowConfig config, PrometheusMeterRegistry meters, PrintStream err,
                                     Consumer<RoutesConfig> routes) {
    OperationsServer server = OperationsServer.start(config.get(HOST).orElse("127.0.0.1"),
        (int) config.getLong(PORT, DEFAULT_PORT), meters, Duration.ofMillis(config.getLong(DASHBOARD_INTERVAL_MS,
            OperationsServer.DEFAULT_SAMPLE_INTERVAL.toMillis())), routes);
    err.println("dashboard on " + server.url() + "/ (also /metrics, /health/live, /health/ready)");
    return server;
  }

  /** Measures the pipeline's consumer lag into {@code cluster}'s meters every {@code lag.interval.ms}, until closed. */
  public static LagReporter reportLag(Cluster cluster) {
    NewsflowConfig config = cluster.config();
    return LagReporter.start(config.kafkaClientProperties(), Services.consumerGroups(config), cluster.meters(),
        Duration.ofMillis(config.getLong(LAG_INTERVAL_MS, 15_000)));
  }
}
