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
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an operator or a Kubernetes probe asks a running service: {@code GET /metrics} (Prometheus
 * text format), {@code GET /health/live} (200 while the process serves), {@code GET /health/ready}
 * (200 only when every watched Kafka Streams service is RUNNING, else 503 naming the states), and the
 * dashboard at {@code GET /} with its data at {@code GET /api/overview} and Chart.js from its WebJar.
 *
 * <p>A taken port moves the server to a free one, logged and shown by {@link #url()}, like the local
 * broker and schema registry: a second instance on one machine keeps working. Deployments that probe
 * a fixed port give each instance its own {@code http.port}.
 */
public final class OperationsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  /** How often the dashboard's history is sampled, unless told otherwise. */
  public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofSeconds(5);
  /**
   * Longest sampling interval: the dashboard's latency maxima are read from Micrometer's recent-window
   * max, which keeps a value for at least 80 s at its default 2-minute expiry (see {@link PipelineOverview}).
   */
  public static final Duration MAX_SAMPLE_INTERVAL = Duration.ofSeconds(60);
  /** Samples the dashboard keeps: 30 minutes at the default interval. */
  static final int HISTORY_SAMPLES = 360;
  private static final String DASHBOARD = "/io/newsflow/platform/dashboard/";
  /**
   * The page runs only its own scripts: should story text (untrusted input) ever reach it as HTML, an
   * inline script or event handler in it still does not run. The page itself renders that text as text.
   */
  static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
    return start(host, port, registry, DEFAULT_SAMPLE_INTERVAL, routes -> { });
  }

  /** The same, sampling the dashboard's history every {@code sampleInterval}. */
  public static OperationsServer start(String host, int port, PrometheusMeterRegistry registry,
                                       Duration sampleInterval) {
    return start(host, port, registry, sampleInterval, routes -> { });
  }

  /** The same, also serving a service's own {@code routes} (e.g. the aggregate's story queries). */
  public static OperationsServer start(String host, int port, PrometheusMeterRegistry registry,
                                       Consumer<RoutesConfig> routes) {
    return start(host, port, registry, DEFAULT_SAMPLE_INTERVAL, routes);
  }

  /** The same, with both the dashboard's sampling interval and a service's own {@code routes}. */
  public static OperationsServer start(String host, int port, PrometheusMeterRegistry registry,
                                       Duration sampleInterval, Consumer<RoutesConfig> routes) {
    if (sampleInterval.isNegative() || sampleInterval.isZero() || sampleInterval.compareTo(MAX_SAMPLE_INTERVAL) > 0) {
      throw new IllegalArgumentException("the dashboard's sampling interval must be from 1 ms to "
          + MAX_SAMPLE_INTERVAL.toSeconds() + " s (a latency maximum is kept only about 80 s), not " + sampleInterval);
    }
    Readiness readiness = new Readiness();
    PipelineOverview overview = new PipelineOverview(registry, readiness, Clock.systemUTC(), HISTORY_SAMPLES);
    Javalin http = listen(host, port, registry, readiness, overview, routes);
    OperationsServer server = new OperationsServer(http, registry, readiness, host);
    server.binders.add(sampleEvery(overview, sampleInterval));
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    server.binders.add(gc);
    return server;
  }

  private static AutoCloseable sampleEvery(PipelineOverview overview, Duration interval) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dashboard-sampler");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleAtFixedRate(() -> {
      try {
        overview.sample();
      } catch (RuntimeException e) {
        LOG.debug("dashboard sample failed: {}", e.toString()); // The next one will try again.
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return scheduler::shutdownNow;
  }

  private static Javalin listen(String host, int port, PrometheusMeterRegistry registry, Readiness readiness,
                                PipelineOverview overview, Consumer<RoutesConfig> routes) {
    if (port > 0) {
      Javalin http = create(registry, readiness, overview, routes);
      try {
        return http.start(host, port);
      } catch (JavalinBindException taken) {
        http.stop();
        LOG.warn("port {} is taken, metrics and health use a free port", port);
      }
    }
    return create(registry, readiness, overview, routes).start(host, 0);
  }

  private static Javalin create(PrometheusMeterRegistry registry, Readiness readiness, PipelineOverview overview,
                                Consumer<RoutesConfig> routes) {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.staticFiles.enableWebjars();
      config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8")
          .header("Content-Security-Policy", DASHBOARD_POLICY).result(resource("index.html")));
      config.routes.get("/dashboard.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
          .result(resource("dashboard.js")));
      config.routes.get("/dashboard.css", ctx -> ctx.contentType("text/css; charset=utf-8")
          .result(resource("dashboard.css")));
      config.routes.get("/api/overview", ctx -> ctx.json(overview.describe()));
      config.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_CONTENT_TYPE).result(registry.scrape()));
      config.routes.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
      config.routes.get("/health/ready", ctx -> ctx.status(readiness.ready() ? 200 : 503)
          .contentType("application/json").result(readiness.describe()));
      routes.accept(config.routes);
    });
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = OperationsServer.class.getResourceAsStream(DASHBOARD + name)) {
      if (in == null) {
        throw new IOException("dashboard resource missing from the classpath: " + DASHBOARD + name);
      }
      return in.readAllBytes();
    }
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
