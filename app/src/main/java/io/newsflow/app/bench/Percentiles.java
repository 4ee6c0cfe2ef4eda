package io.newsflow.app.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of measurements. */
public final class Percentiles {
  private final long[] sorted;

  public Percentiles(long[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no measurements");
    }
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  /** The smallest value that at least {@code p} percent of the measurements do not exceed. */
  public long at(double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  public int count() {
    return sorted.length;
  }
}
