package io.newsflow.platform.registry;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local schema registry serving the Confluent Schema Registry REST API on loopback, keeping its
 * state in a compacted Kafka topic ({@code _schemas} unless told otherwise). Starting one reads the
 * topic to its end, so ids and versions survive a restart and registries started one after the other
 * on the same topic agree; every change is written to the topic before it is served. Meant for one
 * running instance per topic: two running at once only see each other's changes when they write.
 *
 * <p>Serves Avro only, without schema references or permanent deletes; compatibility levels and
 * error codes are Confluent's.
 */
public final class LocalSchemaRegistry implements AutoCloseable {
  public static final String DEFAULT_TOPIC = SchemaLog.DEFAULT_TOPIC;
  private static final Logger LOG = LoggerFactory.getLogger(LocalSchemaRegistry.class);
  private static final String HOST = "127.0.0.1";

  private final Javalin http;
  private final RegistryService service;
  private final String url;
  private final String topic;

  private LocalSchemaRegistry(Javalin http, RegistryService service, String topic) {
    this.http = http;
    this.service = service;
    this.topic = topic;
    this.url = "http://" + HOST + ":" + http.port();
  }

  /** Starts a registry on {@code _schemas}; see {@link #start(String, int, String)}. */
  public static LocalSchemaRegistry start(String bootstrapServers, int preferredPort) {
    return start(bootstrapServers, preferredPort, DEFAULT_TOPIC);
  }

  /**
   * Starts a registry keeping its state in {@code topic} (created when absent) of the cluster at
   * {@code bootstrapServers}, listening on 127.0.0.1 at {@code preferredPort} or, when that is 0 or
   * taken, at a free port. Returns once the state is rebuilt and the port is open.
   */
  public static LocalSchemaRegistry start(String bootstrapServers, int preferredPort, String topic) {
    SchemaLog log = SchemaLog.open(bootstrapServers, topic);
    RegistryService service;
    try {
      service = RegistryService.recover(log);
    } catch (RuntimeException e) {
      log.close();
      throw new IllegalStateException("cannot read schema topic " + topic + ": " + e.getMessage(), e);
    }
    try {
      Javalin http = listen(new RegistryRoutes(service), preferredPort);
      LocalSchemaRegistry registry = new LocalSchemaRegistry(http, service, topic);
      LOG.info("schema registry on {} (state in topic {}, {} subjects)", registry.url, topic,
          service.store().subjects(false).size());
      return registry;
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
  }

  /** Base URL, e.g. {@code http://127.0.0.1:8081}, without a trailing slash. */
  public String url() {
    return url;
  }

  public int port() {
    return http.port();
  }

  /** The topic holding the registry's state. */
  public String topic() {
    return topic;
  }

  @Override
  public void close() {
    try {
      http.stop();
    } finally {
      service.close();
    }
    LOG.info("schema registry on {} stopped", url);
  }

  private static Javalin listen(RegistryRoutes routes, int preferredPort) {
    if (preferredPort > 0) {
      if (isFree(preferredPort)) {
        Javalin http = create(routes);
        try {
          return http.start(HOST, preferredPort);
        } catch (JavalinBindException taken) {
          http.stop(); // taken between the check and the bind
        }
      }
      LOG.info("port {} is taken, the schema registry uses a free port", preferredPort);
    }
    return create(routes).start(HOST, 0);
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Javalin create(RegistryRoutes routes) {
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.defaultContentType = RegistryRoutes.CONTENT_TYPE;
      routes.addTo(config.routes);
    });
  }
}
