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
 * @param streamThreadCpuNanos CPU its stream threads used meanwhile, or -1 for a stage without them
 */
public record StageResult(String key, String label, long articles, long bytes, long nanos, long streamThreadCpuNanos) {
  public StageResult {
    if (nanos <= 0) {
      throw new IllegalArgumentException("stage " + key + " took no time: " + nanos + " ns");
    }
  }

  public StageResult(String key, String label, long articles, long bytes, long nanos) {
    this(key, label, articles, bytes, nanos, -1);
  }

  public boolean hasStreamThreadCpu() {
    return streamThreadCpuNanos >= 0;
  }

  /** Stream-thread CPU milliseconds per article. */
  public double streamThreadCpuMillisPerArticle() {
    return streamThreadCpuNanos / 1e6 / articles;
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
