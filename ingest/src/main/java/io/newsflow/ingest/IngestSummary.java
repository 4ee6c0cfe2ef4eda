package io.newsflow.ingest;

/**
 * What ingest did.
 *
 * @param published        articles written to the raw topic (new ones and new revisions), committed
 * @param unchanged        articles already published with the same title and body, so not published again
 * @param rejected         inputs rejected (each reported and sent to the dead-letter topic)
 * @param failedDeliveries records (articles or dead letters) in transactions that could not be committed
 */
public record IngestSummary(long published, long unchanged, long rejected, long failedDeliveries) {

  /** The counts of this summary since {@code earlier}, a summary of the same intake taken before. */
  public IngestSummary since(IngestSummary earlier) {
    return new IngestSummary(published - earlier.published, unchanged - earlier.unchanged,
        rejected - earlier.rejected, failedDeliveries - earlier.failedDeliveries);
  }

  /** True when every input was published or unchanged and every record was delivered: exit code 0. */
  public boolean clean() {
    return rejected == 0 && failedDeliveries == 0;
  }

  /** One line for the end of a run: {@code published N, unchanged U, rejected M} (plus failed deliveries, if any). */
  @Override
  public String toString() {
    return "published " + published + ", unchanged " + unchanged + ", rejected " + rejected
        + (failedDeliveries == 0 ? "" : ", failed to deliver " + failedDeliveries);
  }
}
