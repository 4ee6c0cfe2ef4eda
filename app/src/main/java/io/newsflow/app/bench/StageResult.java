package io.newsflow.app.bench;

/**
 * What one stage of the benchmark did: how many articles, how many bytes of them (serialized raw
 * articles, the same measure for every stage), in how long.
 *
 * @param key      machine name, e.g. {@code enrich}
 * @param label    what the table shows
 * @param articles articles the stage handled
 * @param bytes    their serialized size (key and value of the raw record)
 * @param nanos    how long it took
 */
public record StageResult(String key, String label, long articles, long bytes, long nanos) {
  public StageResult {
    if (nanos <= 0) {
      throw new IllegalArgumentException("stage " + key + " took no time: " + nanos + " ns");
    }
  }

  public double articlesPerSecond() {
    return articles * 1e9 / nanos;
  }

  public double megabytesPerSecond() {
    return bytes * 1e9 / nanos / 1_000_000.0;
  }

  public double seconds() {
    return nanos / 1e9;
  }
}
