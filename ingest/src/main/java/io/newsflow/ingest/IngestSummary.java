package io.newsflow.ingest;

/**
 * What one ingest run did.
 *
 * @param published        articles handed to the raw topic
 * @param rejected         inputs rejected (each reported and sent to the dead-letter topic)
 * @param failedDeliveries records (articles or dead letters) that Kafka did not accept
 */
public record IngestSummary(long published, long rejected, long failedDeliveries) {

  public IngestSummary(long published, long rejected) {
    this(published, rejected, 0);
  }

  /** True when every input became an article and every record was delivered: exit code 0. */
  public boolean clean() {
    return rejected == 0 && failedDeliveries == 0;
  }

  /** One line for the end of a run: {@code published N, rejected M} (plus failed deliveries, if any). */
  @Override
  public String toString() {
    return "published " + published + ", rejected " + rejected
        + (failedDeliveries == 0 ? "" : ", failed to deliver " + failedDeliveries);
  }
}
