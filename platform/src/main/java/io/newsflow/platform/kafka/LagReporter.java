package io.newsflow.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Measures the pipeline's consumer lag at a fixed interval into {@link LagMetrics}, on a thread of its own. */
public final class LagReporter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LagReporter.class);

  private final Admin admin;
  private final LagMonitor monitor;
  private final ScheduledExecutorService scheduler;

  private LagReporter(Admin admin, LagMonitor monitor, ScheduledExecutorService scheduler) {
    this.admin = admin;
    this.monitor = monitor;
    this.scheduler = scheduler;
  }

  public static LagReporter start(Properties clientProperties, Map<String, Set<String>> groups, MeterRegistry registry,
                                  Duration interval) {
    Admin admin = Admin.create(clientProperties);
    LagMonitor monitor = new LagMonitor(admin, clientProperties, Clock.systemUTC());
    LagMetrics metrics = new LagMetrics(registry);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lag-reporter");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        metrics.update(monitor.measure(groups));
      } catch (Exception e) {
        // A group or topic that does not exist yet (Streams creates repartition topics on start): try again later.
        LOG.debug("lag not measured: {}", e.getMessage());
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return new LagReporter(admin, monitor, scheduler);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    monitor.close();
    admin.close();
  }
}
