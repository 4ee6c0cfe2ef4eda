package io.newsflow.app.command;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.Operations;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.ReprocessedService;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.cluster.ShutdownSignal;
import io.newsflow.app.options.ClusterOptions;
import io.newsflow.app.options.IdleTimeoutOption;
import io.newsflow.app.options.OperationsOptions;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.OperationsServer;
import io.newsflow.platform.streams.StreamsReset;
import io.newsflow.platform.streams.StreamsService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow reprocess}: runs a service again over its whole input, either as a new version
 * beside the live one (blue/green: compare, then promote) or, with {@code --reset}, in place.
 */
@Command(name = "reprocess",
    description = {"Runs enrich or aggregate again from the beginning of its input.",
        "--version V: as application <app>-V writing to <topic>.V output topics, beside the live service.",
        "--reset: in place, after resetting the application (offsets to earliest, internal topics and local state deleted)."})
public final class ReprocessCommand implements Callable<Integer> {
  @Mixin ClusterOptions cluster;

  @Mixin OperationsOptions operations;

  // Its own --help: the standard help mixin brings a --version that would clash with the option below.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--service", required = true, paramLabel = "enrich|aggregate", description = "The service to run again.")
  String service;

  @Option(names = "--version", paramLabel = "V", description = "Run as a new version beside the live one.")
  String version;

  @Option(names = "--reset", description = "Rebuild the live application in place (every instance must be stopped).")
  boolean reset;

  @Option(names = "--reset-wait", paramLabel = "DURATION", defaultValue = "PT1M",
      description = "With --reset, how long stopped instances may take to leave the group (default ${DEFAULT-VALUE}; "
          + "they leave when session.timeout.ms, 45 s by default, runs out).")
  Duration resetWait;

  @Option(names = "--exit-when-idle", description = "Stop once the service has consumed all of its input, instead of running on.")
  boolean exitWhenIdle;

  @Mixin IdleTimeoutOption idleTimeout;

  private final PrintStream err;

  public ReprocessCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    ReprocessedService target = ReprocessedService.parse(service);
    if (reset == (version != null)) {
      throw new UsageProblem("give either --version V (a new version beside the live one) or --reset (in place), not "
          + (reset ? "both" : "neither"));
    }
    NewsflowConfig base = operations.apply(cluster.load());
    NewsflowConfig config = reset ? base : target.versioned(base, version);
    ShutdownSignal signal = exitWhenIdle ? null : ShutdownSignal.install();
    try (Cluster c = Cluster.connect(config)) {
      c.provisionTopics();
      String applicationId = target.applicationId(config);
      if (reset) {
        try (Admin admin = c.admin()) {
          StreamsReset.Result result = StreamsReset.reset(admin, applicationId, target.topology(c), resetWait);
          err.printf("reset %s: %d input partition(s) rewound to the earliest offset, internal topics deleted: %s%n",
              applicationId, result.rewound().size(), result.deletedTopics());
        }
      }
      StreamsService streams = target.service(c);
      if (reset) {
        streams.streams().cleanUp();
      }
      err.printf("reprocess %s as %s%s%n", target.serviceName(), applicationId,
          reset ? " in place" : ", writing " + String.join(", ", target.outputTopics(config)));
      try (StreamsService running = streams.start();
           OperationsServer ops = exitWhenIdle ? null : Operations.serve(c, err, running)) {
        if (exitWhenIdle) {
          return awaitIdle(c, applicationId);
        }
        signal.awaitStopRequest();
        return ExitCodes.OK;
      }
    } finally {
      if (signal != null) {
        signal.cleanedUp();
      }
    }
  }

  private int awaitIdle(Cluster c, String applicationId) throws Exception {
    Map<String, Set<String>> group = Map.of(applicationId, Services.consumerGroups(c).get(applicationId));
    try (Admin admin = c.admin()) {
      if (!PipelineIdle.await(admin, group, Services.settleTime(c), idleTimeout.get())) {
        err.println("error: " + applicationId + " did not consume all of its input within " + idleTimeout.get());
        return ExitCodes.FAILED;
      }
    }
    err.println("reprocess: " + applicationId + " has consumed all of its input");
    return ExitCodes.OK;
  }
}
