package io.newsflow.app;

import io.newsflow.platform.kafka.ConsumerGroupLag;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;

/** Waits until every consumer group of the pipeline has consumed everything written to its inputs. */
final class PipelineIdle {
  private static final Duration POLL = Duration.ofMillis(300);

  private PipelineIdle() {}

  /** Returns true once all lag is zero on two checks in a row, false if {@code timeout} passes first. */
  static boolean await(Admin admin, Map<String, Set<String>> groups, Duration timeout) throws Exception {
    ConsumerGroupLag lag = new ConsumerGroupLag(admin);
    long deadline = System.nanoTime() + timeout.toNanos();
    int idleChecks = 0;
    while (System.nanoTime() < deadline) {
      long total = 0;
      for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
        total += lag.totalLag(group.getKey(), group.getValue());
      }
      idleChecks = total == 0 ? idleChecks + 1 : 0;
      if (idleChecks >= 2) {
        return true;
      }
      Thread.sleep(POLL.toMillis());
    }
    return false;
  }
}
