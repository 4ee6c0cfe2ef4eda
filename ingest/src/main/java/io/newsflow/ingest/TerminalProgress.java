package io.newsflow.ingest;

import java.io.PrintStream;
import java.text.DecimalFormat;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal: MiB read of the total with rate and ETA (the bar's own), and the
 * articles read with their rate. Redrawn by the bar's own thread four times a second, so the
 * reading thread only adds counts.
 */
public final class TerminalProgress implements LoadProgress {
  private static final int REFRESH_EVERY_ITEMS = 256;

  private final ProgressBar bar;
  private final long startNanos = System.nanoTime();
  private long items;

  private TerminalProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /** Progress bars drawn on {@code terminal}; use only when it is one (never in tests or CI logs). */
  public static LoadProgress.Factory on(PrintStream terminal) {
    return totalBytes -> new TerminalProgress(new ProgressBarBuilder()
        .setTaskName("ingest")
        .setInitialMax(totalBytes)
        .setUnit(" MiB", 1 << 20)
        .showSpeed(new DecimalFormat("0.0"))
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .continuousUpdate()
        .setConsumer(new ConsoleProgressBarConsumer(terminal))
        .build());
  }

  @Override
  public void bytesRead(long count) {
    bar.stepBy(count);
  }

  @Override
  public void item() {
    items++;
    if (items % REFRESH_EVERY_ITEMS == 0) {
      describe();
    }
  }

  private void describe() {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    bar.setExtraMessage(String.format(" %,d articles, %,.0f/s", items, items / seconds));
  }

  /** Erases the bar's line first ({@code \r}, ANSI erase-line): the bar redraws itself below on its next tick. */
  @Override
  public void report(PrintStream out, String line) {
    out.print("\r\033[2K");
    out.println(line);
  }

  @Override
  public void close() {
    describe();
    bar.close();
  }
}
