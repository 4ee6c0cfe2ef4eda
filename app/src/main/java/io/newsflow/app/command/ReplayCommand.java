package io.newsflow.app.command;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.options.ClusterOptions;
import io.newsflow.app.options.IdleTimeoutOption;
import io.newsflow.ingest.replay.ReplaySpeed;
import io.newsflow.ingest.replay.ReplaySummary;
import io.newsflow.ingest.replay.ReplayWindow;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow replay}: an archive published in publication-time order, with its original timestamps. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Publishes archives or folders (any format ingest reads) to the raw-article topic in publication-time",
        "order, each record timestamped with its publication time. Articles already published unchanged are not",
        "published again, so a replay can be repeated or resumed."})
public final class ReplayCommand implements Callable<Integer> {
  @Mixin ClusterOptions cluster;

  @Option(names = "--input", required = true, paramLabel = "PATH", split = ",", description = "Archives or folders to replay.")
  List<Path> inputs;

  @Option(names = "--speed", paramLabel = "max|realtime|Nx", defaultValue = "max",
      description = "max: as fast as the broker takes it (default); realtime: the archive's own gaps; Nx: gaps divided by N (1000x).")
  String speed;

  @Option(names = "--from", paramLabel = "DATE", description = "Only articles published at or after DATE (1987-03-01, midnight UTC, or an ISO-8601 instant).")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Only articles published before DATE (exclusive).")
  String to;

  @Option(names = "--until-idle",
      description = "Then wait until every pipeline stage has consumed everything and print the end-to-end rate.")
  boolean untilIdle;

  @Mixin IdleTimeoutOption idleTimeout;

  private final PrintStream err;

  public ReplayCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    ReplaySpeed pace;
    ReplayWindow window;
    try {
      pace = ReplaySpeed.parse(speed);
      window = ReplayWindow.parse(from, to);
    } catch (IllegalArgumentException e) {
      throw new UsageProblem(e.getMessage().startsWith("speed") ? "--" + e.getMessage() : e.getMessage());
    }
    try (Cluster c = Cluster.connect(cluster.load())) {
      c.provisionTopics();
      long started = System.nanoTime();
      ReplaySummary summary = Services.replay(c, inputs, pace, window, err);
      err.println("replay: " + summary);
      if (untilIdle) {
        try (Admin admin = c.admin()) {
          if (!PipelineIdle.await(admin, Services.consumerGroups(c), Services.settleTime(c), idleTimeout.get())) {
            err.println("error: the pipeline did not go idle within " + idleTimeout.get());
            return ExitCodes.FAILED;
          }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long articles = summary.ingest().published();
        err.printf(Locale.ROOT, "end to end: %d articles published and consumed by every stage in %.1f s: %.0f articles/s%n",
            articles, seconds, articles / seconds);
      }
      return summary.clean() ? ExitCodes.OK : ExitCodes.REJECTED_INPUT;
    }
  }
}
