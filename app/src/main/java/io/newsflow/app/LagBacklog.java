package io.newsflow.app;

import io.newsflow.aggregate.SourceBacklog;
import io.newsflow.platform.kafka.ConsumerGroupLag;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the story assigner's source-order merge which enriched partitions still have articles on
 * their way, from committed offsets: raw partition p not fully enriched, enriched partition p not fully
 * through the shard repartition, or the repartition itself not fully consumed. Polled off the stream
 * thread; until the first answer every partition counts as pending (the merge then waits at most its
 * stall time).
 */
final class LagBacklog implements SourceBacklog, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LagBacklog.class);
  private static final long POLL_MS = 250;

  private final Admin admin;
  private final ConsumerGroupLag lag;
  private final String enrichGroup;
  private final String rawTopic;
  private final String aggregateGroup;
  private final String enrichedTopic;
  private final Set<String> aggregateInputs;
  private final ScheduledExecutorService poller;
  private volatile boolean[] pending;

  LagBacklog(Admin admin, int partitions, String enrichGroup, String rawTopic, String aggregateGroup,
             String enrichedTopic, Set<String> aggregateInputs) {
    this.admin = admin;
    this.lag = new ConsumerGroupLag(admin);
    this.enrichGroup = enrichGroup;
    this.rawTopic = rawTopic;
    this.aggregateGroup = aggregateGroup;
    this.enrichedTopic = enrichedTopic;
    this.aggregateInputs = aggregateInputs;
    boolean[] all = new boolean[partitions];
    Arrays.fill(all, true);
    this.pending = all;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "source-backlog");
      t.setDaemon(true);
      return t;
    });
    poller.scheduleWithFixedDelay(this::refresh, 0, POLL_MS, TimeUnit.MILLISECONDS);
  }

  @Override
  public boolean pending(int partition) {
    boolean[] now = pending;
    return partition >= now.length || now[partition];
  }

  private void refresh() {
    try {
      Map<TopicPartition, Long> enrich = lag.lag(enrichGroup, Set.of(rawTopic));
      Map<TopicPartition, Long> aggregate = lag.lag(aggregateGroup, aggregateInputs);
      boolean shardBehind = aggregate.entrySet().stream()
          .anyMatch(e -> !e.getKey().topic().equals(enrichedTopic) && e.getValue() > 0);
      boolean[] next = new boolean[pending.length];
      for (int p = 0; p < next.length; p++) {
        next[p] = shardBehind
            || enrich.getOrDefault(new TopicPartition(rawTopic, p), 0L) > 0
            || aggregate.getOrDefault(new TopicPartition(enrichedTopic, p), 0L) > 0;
      }
      pending = next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // The last answer stands; the merge's stall time bounds any wait it causes.
      log.debug("source backlog not refreshed: {}", e.toString());
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
    admin.close();
  }
}
