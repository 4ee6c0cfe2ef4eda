package io.newsflow.app.command;

import io.newsflow.aggregate.query.StoryQueries;
import io.newsflow.aggregate.query.StoryRoutes;
import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.FeedService;
import io.newsflow.app.cluster.Operations;
import io.newsflow.app.cluster.PushEndpoint;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.cluster.ShutdownSignal;
import io.newsflow.app.options.ClusterOptions;
import io.newsflow.app.options.OperationsOptions;
import io.newsflow.app.options.PushOptions;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.OperationsServer;
import io.newsflow.platform.streams.StreamsService;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One service alone against an existing cluster, as deployed: many instances may run side by side. */
public final class ServiceCommands {
  private ServiceCommands() {}

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Publishes files or folders (.txt, .html, .jsonl, .jsonl.gz, .sgm) to the raw-article topic, "
          + "and with --push serves POST /articles until stopped. Unchanged articles are not published again.")
  public static final class Ingest implements Callable<Integer> {
    @Mixin ClusterOptions cluster;

    @Mixin PushOptions push;

    @Mixin OperationsOptions operations;

    @Option(names = "--input", paramLabel = "PATH", split = ",", description = "Files or folders to ingest.")
    List<Path> inputs = List.of();

    @Option(names = "--feeds", paramLabel = "FILE", description = "Feed list to poll until stopped (see README, Feeds).")
    Path feeds;

    private final PrintStream err;

    public Ingest(PrintStream err) {
      this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
      if (inputs.isEmpty() && !push.enabled && feeds == null) {
        throw new UsageProblem("nothing to ingest: give --input PATH, --feeds FILE and/or --push");
      }
      ShutdownSignal signal = push.enabled || feeds != null ? ShutdownSignal.install() : null;
      try (Cluster c = Cluster.connect(operations.apply(push.apply(cluster.load())));
           // Only a long-running ingest is scraped; a one-off file load exits before anyone would.
           OperationsServer ops = signal != null ? Operations.serve(c, err) : null) {
        c.provisionTopics();
        IngestSummary summary = inputs.isEmpty() ? null : Services.ingestFiles(c, inputs, err);
        if (summary != null) {
          err.println("ingest: " + summary);
        }
        if (signal != null) {
          try (PushEndpoint endpoint = push.enabled ? PushEndpoint.start(c) : null;
               FeedService polling = feeds == null ? null : FeedService.start(c, feeds, err)) {
            signal.awaitStopRequest();
          }
        }
        return summary == null || summary.clean() ? ExitCodes.OK : ExitCodes.REJECTED_INPUT;
      } finally {
        if (signal != null) {
          signal.cleanedUp();
        }
      }
    }
  }

  @Command(name = "enrich", mixinStandardHelpOptions = true, description = "Runs the enrich topology until stopped.")
  public static final class Enrich implements Callable<Integer> {
    @Mixin ClusterOptions cluster;

    @Mixin OperationsOptions operations;

    private final PrintStream err;

    public Enrich(PrintStream err) {
      this.err = err;
    }

    @Override
    public Integer call() throws Exception {
      return runUntilStopped(operations.apply(cluster.load()), Services::enrich, err);
    }
  }

  @Command(name = "aggregate", mixinStandardHelpOptions = true, description = "Runs the story topology until stopped.")
  public static final class Aggregate implements Callable<Integer> {
    @Mixin ClusterOptions cluster;

    @Mixin OperationsOptions operations;

    private final PrintStream err;

    public Aggregate(PrintStream err) {
      this.err = err;
    }

    @Override
    public Integer call() throws Exception {
      ShutdownSignal signal = ShutdownSignal.install();
      try (Cluster c = Cluster.connect(operations.apply(cluster.load()))) {
        c.provisionTopics();
        StoryQueries queries = new StoryQueries();
        try (OperationsServer ops = Operations.serve(c, err, routes -> StoryRoutes.register(routes, queries));
             StreamsService service = Operations.watched(ops, Services.aggregate(c, queries, ops.port())).start()) {
          err.println("story queries on " + ops.url() + " (/stories/{id}, /stories?entity=&since=, /articles/{id}/story)");
          signal.awaitStopRequest();
        }
        return ExitCodes.OK;
      } finally {
        signal.cleanedUp();
      }
    }
  }

  /** Runs one topology against the configured cluster until the process is asked to stop. */
  static int runUntilStopped(NewsflowConfig config, Function<Cluster, StreamsService> topology, PrintStream err)
      throws InterruptedException {
    ShutdownSignal signal = ShutdownSignal.install();
    try (Cluster c = Cluster.connect(config)) {
      c.provisionTopics();
      try (StreamsService service = topology.apply(c).start();
           OperationsServer ops = Operations.serve(c, err, service)) {
        signal.awaitStopRequest();
      }
      return ExitCodes.OK;
    } finally {
      signal.cleanedUp();
    }
  }
}
