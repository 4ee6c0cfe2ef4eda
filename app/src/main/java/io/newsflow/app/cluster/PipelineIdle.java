package io.newsflow.app.cluster;

import io.newsflow.platform.kafka.ConsumerGroupLag;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Waits until every consumer group of the pipeline has consumed everything written to its inputs. */
public final class PipelineIdle {
  private static final Duration POLL = Duration.ofMillis(300);

  private PipelineIdle() {}

  private static boolean isIdle(ConsumerGroupLag lag, Map<String, Set<String>> groups) throws Exception {
    try {
      long total = 0;
      for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
        total += lag.totalLag(group.getKey(), group.getValue());
      }
      return total == 0;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false; // Streams has not created its repartition topic yet: work is still ahead.
      }
      throw e;
    }
  }

  /** Runs before every lag check; throws to stop waiting (a service that died). */
  @FunctionalInterface
  public interface Check {
    void run() throws Exception;
  }

  /**
   * Returns true once all lag has been zero on two checks in a row spanning at least {@code quiet} (the
   * time work may still sit in a buffer after its input is consumed), false if {@code timeout} passes first.
   */
  public static boolean await(Admin admin, Map<String, Set<String>> groups, Duration quiet, Duration timeout)
      throws Exception {
    return idleSince(admin, groups, quiet, timeout, POLL, () -> { }).isPresent();
  }

  /**
   * As {@link #await}, polling every {@code poll} and running {@code check} before each poll: the
   * {@link System#nanoTime()} at which the lasting idleness began, or empty when {@code timeout} passed first.
   */
  public static OptionalLong idleSince(Admin admin, Map<String, Set<String>> groups, Duration quiet, Duration timeout,
                                Duration poll, Check check) throws Exception {
    ConsumerGroupLag lag = new ConsumerGroupLag(admin);
    long deadline = System.nanoTime() + timeout.toNanos();
    int idleChecks = 0;
    long idleSince = 0;
    while (System.nanoTime() < deadline) {
      check.run();
      long now = System.nanoTime();
      if (isIdle(lag, groups)) {
        idleSince = idleChecks++ == 0 ? now : idleSince;
      } else {
        idleChecks = 0;
      }
      if (idleChecks >= 2 && System.nanoTime() - idleSince >= quiet.toNanos()) {
        return OptionalLong.of(idleSince);
      }
      Thread.sleep(poll.toMillis());
    }
    return OptionalLong.empty();
  }
}
