package io.newsflow.app.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.Services;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.IngestService;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.metrics.MeterNames;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A long replay through the whole pipeline on a real broker: ingest publishes {@code total} articles
 * while enrich and the aggregate run, and every {@code every} articles the aggregate has assigned, a
 * {@link GrowthSlice} records the aggregate's stream-thread CPU per article over that slice and the
 * on-disk size and estimated keys of each of its stores. Flat CPU and sizes mean the aggregate's cost
 * and state are bounded by what is active, not by what it has seen.
 */
public final class GrowthReplay {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final int INGEST_COMMIT_EVERY = 500;

  private final Cluster cluster;
  private final PrintStream progress;
  private final Duration timeout;

  public GrowthReplay(Cluster cluster, PrintStream progress, Duration timeout) {
    this.cluster = cluster;
    this.progress = progress;
    this.timeout = timeout;
  }

  public List<GrowthSlice> run(Iterator<IncomingArticle> articles, long total, long every) throws Exception {
    String aggregateId = StreamsSettings.applicationId(cluster.config(), AggregateTopology.APPLICATION_ID);
    Path stateDir = Path.of(cluster.config().require(NewsflowConfig.DATA_DIR), "state", aggregateId);
    List<GrowthSlice> slices = new ArrayList<>();
    AtomicReference<Exception> ingestFailure = new AtomicReference<>();
    try (StreamsService enrich = Services.enrich(cluster).start();
         StreamsService aggregate = Services.aggregate(cluster).start()) {
      if (!enrich.awaitRunning(timeout) || !aggregate.awaitRunning(timeout)) {
        throw new IllegalStateException("enrich or aggregate did not start within " + timeout);
      }
      Thread ingest = new Thread(() -> publish(articles, ingestFailure), "growth-ingest");
      ingest.setDaemon(true);
      ingest.start();
      long lastAssigned = 0;
      long lastCpu = StreamThreadCpu.nanos(aggregateId);
      long lastProgress = System.nanoTime();
      while (lastAssigned < total) {
        Thread.sleep(POLL.toMillis());
        check(enrich, aggregate, ingestFailure);
        long assigned = assigned(cluster.meters());
        if (assigned > lastAssigned) {
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
          throw new IllegalStateException("the aggregate assigned no article for " + timeout + " after " + assigned);
        }
        // A slice ends at the first poll past each multiple of every (or at the end); one poll may pass several.
        if (assigned / every > lastAssigned / every || (assigned >= total && assigned > lastAssigned)) {
          long cpu = StreamThreadCpu.nanos(aggregateId);
          GrowthSlice slice = new GrowthSlice(assigned, (cpu - lastCpu) / (double) (assigned - lastAssigned),
              StoreSizes.onDisk(stateDir), StoreSizes.estimatedKeys(aggregate.streams()));
          slices.add(slice);
          progress.println("bench: growth: " + slice.line());
          lastAssigned = assigned;
          lastCpu = cpu;
        }
      }
      ingest.join(timeout.toMillis());
    }
    if (ingestFailure.get() != null) {
      throw ingestFailure.get();
    }
    return slices;
  }

  private void publish(Iterator<IncomingArticle> articles, AtomicReference<Exception> failure) {
    try (IngestService ingest = Services.ingest(cluster, "bench-growth")) {
      long n = 0;
      while (articles.hasNext()) {
        ingest.intake().accept(articles.next());
        if (++n % INGEST_COMMIT_EVERY == 0) {
          ingest.intake().commit();
        }
      }
      ingest.intake().commit();
      progress.println("bench: growth: ingest published " + n + " articles");
    } catch (Exception e) {
      failure.set(e);
    }
  }

  private static void check(StreamsService enrich, StreamsService aggregate, AtomicReference<Exception> ingest)
      throws Exception {
    if (ingest.get() != null) {
      throw ingest.get();
    }
    enrich.requireAlive();
    aggregate.requireAlive();
  }

  /** Articles the aggregate has assigned so far, every role. */
  static long assigned(MeterRegistry meters) {
    return (long) meters.find(MeterNames.AGGREGATE_ARTICLES).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** The aggregate stores' sizes at one point of the replay. */
  public record GrowthSlice(long assigned, double cpuNanosPerArticle, Map<String, Long> bytesOnDisk,
                            Map<String, Long> estimatedKeys) {
    String line() {
      StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT,
          "%,d articles assigned: %.0f µs of aggregate stream-thread CPU each over the slice;",
          assigned, cpuNanosPerArticle / 1e3));
      bytesOnDisk.forEach((store, bytes) -> b.append(String.format(java.util.Locale.ROOT, " %s %.1f MB %,d keys;",
          store, bytes / 1e6, estimatedKeys.getOrDefault(store, -1L))));
      return b.toString();
    }
  }
}
