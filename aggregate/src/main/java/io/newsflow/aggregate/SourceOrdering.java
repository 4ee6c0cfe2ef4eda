package io.newsflow.aggregate;

import java.time.Duration;
import java.util.Objects;

/**
 * How the story assigner restores a deterministic order over the enriched partitions (ADR 0016).
 *
 * @param maxIdle  how long a silent partition with no known backlog is waited for (covers the time
 *                 between an upstream commit and its records reaching the assigner)
 * @param maxStall how long a partition with a known backlog is waited for before the merge goes on
 *                 without it (a crashed or stuck upstream)
 * @param backlog  where the backlog is learnt from
 */
public record SourceOrdering(Duration maxIdle, Duration maxStall, SourceBacklog backlog) {
  public static final String MAX_IDLE = "aggregate.source-order.max-idle-ms";
  public static final String MAX_STALL = "aggregate.source-order.max-stall-ms";
  public static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(2);
  public static final Duration DEFAULT_MAX_STALL = Duration.ofSeconds(60);

  public SourceOrdering {
    Objects.requireNonNull(maxIdle, "maxIdle");
    Objects.requireNonNull(maxStall, "maxStall");
    Objects.requireNonNull(backlog, "backlog");
  }

  public static SourceOrdering defaults() {
    return new SourceOrdering(DEFAULT_MAX_IDLE, DEFAULT_MAX_STALL, SourceBacklog.UNKNOWN);
  }

  public SourceOrdering withBacklog(SourceBacklog backlog) {
    return new SourceOrdering(maxIdle, maxStall, backlog);
  }
}
