package io.newsflow.ingest;

import java.io.PrintStream;

/**
 * Progress of a file or archive load, for a person watching: bytes read against the total, and
 * articles. {@link #NONE} shows nothing (not a terminal, tests, CI); {@link TerminalProgress} draws a bar.
 */
public interface LoadProgress extends AutoCloseable {
  LoadProgress NONE = new LoadProgress() {
    @Override
    public void bytesRead(long count) {}

    @Override
    public void item() {}

    @Override
    public void close() {}
  };

  /** Creates the progress of one load of {@code totalBytes}. */
  interface Factory {
    /** Shows nothing. */
    Factory HIDDEN = totalBytes -> NONE;

    LoadProgress start(long totalBytes);
  }

  void bytesRead(long count);

  /** One more article or rejection read. */
  void item();

  /** Prints a message line to {@code out}, around the progress display if there is one. */
  default void report(PrintStream out, String line) {
    out.println(line);
  }

  /** The load is over: the display is finished. */
  @Override
  void close();
}
