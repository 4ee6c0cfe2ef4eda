package io.newsflow.platform.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.platform.streams.StreamsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator or a Kubernetes probe asks a running service: {@code GET /metrics} (Prometheus
 * text format), {@code GET /health/live} (200 while the process serves) and {@code GET /health/ready}
 * (200 only when every watched Kafka Streams service is RUNNING, else 503 naming the states).
 *
 * <p>A taken port moves the server to a free one, logged and shown by {@link #url()}, like the local
 * broker and schema registry: a second instance on one machine keeps working. Deployments that probe
 * a fixed port give each instance its own {@code http.port}.
 */
public final class OperationsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin http;
  private final PrometheusMeterRegistry registry;
  private final Readiness readiness;
  private final String host;
  private final List<AutoCloseable> binders = new ArrayList<>();

  private OperationsServer(Javalin http, PrometheusMeterRegistry registry, Readiness readiness, String host) {
    this.http = http;
    this.registry = registry;
    this.readiness = readiness;
    this.host = host;
  }

  /**
   * Serves on {@code host}:{@code port} from {@code registry}, or on a free port when {@code port} is 0
   * or taken, after binding the JVM's memory, GC and thread metrics to it. See {@link #url()}.
   */
  public static OperationsServer start(String host, int port, PrometheusMeterRegistry registry) {
    return start(host, port, registry, routes -> { });
  }

  /** The same, also serving a service's own {@code routes} (e.g. the aggregate's story queries). */
  public static OperationsServer start(String host, int port, PrometheusMeterRegistry registry,
                                       Consumer<RoutesConfig> routes) {
    Readiness readiness = new Readiness();
    Javalin http = listen(host, port, registry, readiness, routes);
    OperationsServer server = new OperationsServer(http, registry, readiness, host);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    server.binders.add(gc);
    return server;
  }

  private static Javalin listen(String host, int port, PrometheusMeterRegistry registry, Readiness readiness,
                                Consumer<RoutesConfig> routes) {
    if (port > 0) {
      Javalin http = create(registry, readiness, routes);
      try {
        return http.start(host, port);
      } catch (JavalinBindException taken) {
        http.stop();
        LOG.warn("port {} is taken, metrics and health use a free port", port);
      }
    }
    return create(registry, readiness, routes).start(host, 0);
  }

  private static Javalin create(PrometheusMeterRegistry registry, Readiness readiness, Consumer<RoutesConfig> routes) {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(registry.scrape()));
      config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
      config.routes.get("/health/ready", ctx -> ctx.status(readiness.ready() ? 200 : 503)
          .contentType("application/json").result(readiness.describe()));
      routes.accept(config.routes);
    });
  }

  /** Exports {@code service}'s Kafka Streams metrics and counts it in readiness. */
  public OperationsServer watch(StreamsService service) {
    KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(service.streams());
    metrics.bindTo(registry);
    binders.add(metrics);
    readiness.watch(service);
    return this;
  }

  /** Base URL, e.g. {@code http://127.0.0.1:8080}, without a trailing slash. */
  public String url() {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + http.port();
  }

  public int port() {
    return http.port();
  }

  /** Closes {@code resource} (e.g. a reporter feeding this server's metrics) when the server closes. */
  public OperationsServer closing(AutoCloseable resource) {
    binders.add(resource);
    return this;
  }

  @Override
  public void close() {
    try {
      http.stop();
    } finally {
      for (AutoCloseable binder : binders) {
        try {
          binder.close();
        } catch (Exception e) {
          // Shutting down: close the rest.
        }
      }
    }
  }
}
