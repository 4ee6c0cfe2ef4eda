package io.newsflow.ingest.replay;

import io.newsflow.ingest.IngestSummary;

/**
 * What a replay did.
 *
 * @param ingest        published, unchanged (already published: not written again), rejected, failed deliveries
 * @param skippedByDate articles read but outside the {@code --from}/{@code --to} window
 */
public record ReplaySummary(IngestSummary ingest, long skippedByDate) {

  /** True when nothing was rejected and every record was delivered. */
  public boolean clean() {
    return ingest.clean();
  }

  /** {@code published N, unchanged U, rejected M, skipped by date S}. */
  @Override
  public String toString() {
    return ingest + ", skipped by date " + skippedByDate;
  }
}
