package io.newsflow.app.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.ingest.IngestCounters;
import io.newsflow.ingest.RejectionReason;
import io.newsflow.platform.metrics.MeterNames;
import java.util.EnumMap;
import java.util.Map;

/**
 * Ingest's counters as {@code newsflow_ingest_articles_total{outcome}} and
 * {@code newsflow_ingest_rejected_total{reason}}. Every reason is registered up front, at zero, so a
 * dashboard or alert sees the series before the first rejection of its kind.
 */
public final class MeteredIngestCounters implements IngestCounters {
  static final String ARTICLES = MeterNames.INGEST_ARTICLES;
  static final String REJECTED = MeterNames.INGEST_REJECTED;

  private final Counter published;
  private final Counter unchanged;
  private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);

  MeteredIngestCounters(MeterRegistry registry) {
    published = Counter.builder(ARTICLES).tag("outcome", "published")
        .description("Articles (new or revised) committed to the raw-article topic").register(registry);
    unchanged = Counter.builder(ARTICLES).tag("outcome", "unchanged")
        .description("Articles received exactly as already published").register(registry);
    for (RejectionReason reason : RejectionReason.values()) {
      rejected.put(reason, Counter.builder(REJECTED).tag("reason", reason.code())
          .description("Input refused by ingest, by reason").register(registry));
    }
  }

  @Override
  public void published(long articles) {
    published.increment(articles);
  }

  @Override
  public void unchanged() {
    unchanged.increment();
  }

  @Override
  public void rejected(RejectionReason reason) {
    rejected.get(reason).increment();
  }
}
