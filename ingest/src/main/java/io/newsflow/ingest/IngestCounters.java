package io.newsflow.ingest;

/**
 * Where ingest reports what it did, for metrics; keeps {@link ArticleIntake} free of any metrics
 * library. Called on the intake's thread; implementations must be cheap and must not throw.
 */
public interface IngestCounters {
  /** Counts nothing. */
  IngestCounters NONE = new IngestCounters() {
    @Override
    public void published(long articles) {}

    @Override
    public void unchanged() {}

    @Override
    public void rejected(RejectionReason reason) {}
  };

  /** {@code articles} new articles or revisions were committed. */
  void published(long articles);

  /** An article arrived exactly as already published, and was not published again. */
  void unchanged();

  /** Input was refused for {@code reason}. */
  void rejected(RejectionReason reason);
}
