package io.newsflow.enrich.text;

/** How many articles of a source carried a line: the memory {@link SourceBoilerplate} learns from. */
public interface LineCounts {
  /** The count under {@code key}, 0 when never seen. */
  long get(String key);

  /** Adds one to the count under {@code key}. */
  void increment(String key);
}
