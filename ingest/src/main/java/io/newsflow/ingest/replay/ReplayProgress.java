package io.newsflow.ingest.replay;

import java.text.DecimalFormat;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress of the publishing pass of a replay: articles handed to Kafka of those in the window. */
public interface ReplayProgress extends AutoCloseable {
  ReplayProgress NONE = new ReplayProgress() {
    @Override
    public void published() {}

    @Override
    public void close() {}
  };

  /** Creates the progress of one publishing pass over {@code articles} articles. */
  interface Factory {
    /** Shows nothing (not a terminal, tests, CI). */
    Factory HIDDEN = articles -> NONE;

    ReplayProgress start(long articles);

    /** A bar on {@code terminal} with the article rate and the ETA; use only when it is a terminal. */
    static Factory on(java.io.PrintStream terminal) {
      return articles -> {
        ProgressBar bar = new ProgressBarBuilder()
            .setTaskName("replay")
            .setInitialMax(articles)
            .setUnit(" articles", 1)
            .showSpeed(new DecimalFormat("#,##0"))
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .continuousUpdate()
            .setConsumer(new ConsoleProgressBarConsumer(terminal))
            .build();
        return new ReplayProgress() {
          @Override
          public void published() {
            bar.step();
          }

          @Override
          public void close() {
            bar.close();
          }
        };
      };
    }
  }

  /** One more article handed over (published or found unchanged). */
  void published();

  @Override
  void close();
}
