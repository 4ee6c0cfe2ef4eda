package io.newsflow.app.command;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.aggregate.query.StoryQueries;
import io.newsflow.aggregate.query.StoryRoutes;
import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.FeedService;
import io.newsflow.app.cluster.Operations;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.PushEndpoint;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.cluster.ShutdownSignal;
import io.newsflow.app.demo.DemoSource;
import io.newsflow.app.options.ClusterOptions;
import io.newsflow.app.options.IdleTimeoutOption;
import io.newsflow.app.options.OperationsOptions;
import io.newsflow.app.options.PushOptions;
import io.newsflow.app.stories.StoryJson;
import io.newsflow.app.stories.TopicReader;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.OperationsServer;
import io.newsflow.platform.kafka.LagReporter;
import io.newsflow.platform.streams.DeadLetterHandler;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StorySnapshot;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow run}: the whole pipeline in one process, on a local broker unless told otherwise. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs ingest, enrich and aggregate together, starting a local Kafka broker and schema registry",
        "unless --bootstrap-servers / --schema-registry-url are given. Stories and events go to stdout, logs to stderr.",
        "Without --input, --push or --feeds it is a live demo: generated articles (sources labelled demo:) at",
        "--demo-rate until Ctrl-C."})
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin ClusterOptions cluster;

  @Mixin PushOptions push;

  @Mixin OperationsOptions operations;

  @Option(names = "--input", paramLabel = "PATH", split = ",",
      description = "Files or folders to ingest: .txt, .html, .jsonl, .jsonl.gz, .sgm (comma-separated or repeated).")
  List<Path> inputs = List.of();

  @Option(names = "--feeds", paramLabel = "FILE", description = "Feed list to poll while running (see README, Feeds).")
  Path feeds;

  @Option(names = "--exit-when-idle",
      description = "Wait until every stage has consumed all input, print the final stories as JSON lines and exit.")
  boolean exitWhenIdle;

  @Option(names = "--demo-rate", paramLabel = "N",
      description = "Articles per second of the live demo, which runs when no --input, --push or --feeds is given"
          + " (default 20).")
  Double demoRate;

  @Mixin IdleTimeoutOption idleTimeout;

  private final PrintStream out;
  private final PrintStream err;

  public RunCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() throws Exception {
    if (exitWhenIdle && (push.enabled || feeds != null)) {
      throw new UsageProblem("--push and --feeds keep going until stopped; they cannot be combined with --exit-when-idle");
    }
    boolean demo = !exitWhenIdle && inputs.isEmpty() && !push.enabled && feeds == null;
    if (demoRate != null && !demo) {
      throw new UsageProblem("--demo-rate paces the live demo, which runs only without --input, --push, --feeds"
          + " and --exit-when-idle");
    }
    double rate;
    try {
      rate = demo ? DemoSource.checkRate(demoRate == null ? DemoSource.DEFAULT_RATE : demoRate) : 0;
    } catch (IllegalArgumentException e) {
      throw new UsageProblem("--demo-rate: " + e.getMessage());
    }
    NewsflowConfig config = operations.apply(push.apply(cluster.load()));
    ShutdownSignal signal = exitWhenIdle ? null : ShutdownSignal.install();
    StoryQueries queries = new StoryQueries();
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // The dashboard first, so its URL is the first line, before the broker's start-up logs.
    try (OperationsServer ops = Operations.serveFirst(config, meters, err, routes -> StoryRoutes.register(routes, queries));
         Cluster c = Cluster.startOrConnect(config, meters)) {
      c.provisionTopics();
      err.printf("partitions: %d, stream threads per service: %s%n", c.topics().raw().partitions(),
          c.config().require(NewsflowConfig.STREAM_THREADS));
      // Closed before the cluster, so the lag reporter never waits on a stopped broker.
      try (LagReporter lag = Operations.reportLag(c);
           StreamsService enrich = Operations.watched(ops, Services.enrich(c)).start();
           StreamsService aggregate = Operations.watched(ops, Services.aggregate(c, queries, ops.port())).start()) {
        if (demo) {
          err.printf(Locale.ROOT, "live demo: generated articles at %s/s, sources labelled %s; stories on %s/ "
              + "(--input, --push or --feeds for real news)%n", rateText(rate), DemoSource.SOURCE_PREFIX, ops.url());
        }
        return exitWhenIdle ? runToIdle(c) : runUntilStopped(c, signal, rate);
      }
    } finally {
      if (signal != null) {
        signal.cleanedUp();
      }
    }
  }

  private int runToIdle(Cluster c) throws Exception {
    IngestSummary summary = Services.ingestFiles(c, inputs, err);
    err.println("ingest: " + summary);
    try (Admin admin = c.admin()) {
      if (!PipelineIdle.await(admin, Services.consumerGroups(c), Services.settleTime(c), idleTimeout.get())) {
        err.println("error: the pipeline did not go idle within " + idleTimeout.get());
        return ExitCodes.FAILED;
      }
    }
    List<StorySnapshot> stories = latestStories(c);
    stories.forEach(s -> out.println(StoryJson.story(s)));
    out.flush();
    long deadLetters = DeadLetterHandler.count(c.meters(), Set.of(EnrichTopology.STAGE, AggregateTopology.STAGE));
    err.printf("stories: %d, dead letters from enrich/aggregate: %d%n", stories.size(), deadLetters);
    return summary.clean() && deadLetters == 0 ? ExitCodes.OK : ExitCodes.REJECTED_INPUT;
  }

  /** Runs what was asked for, or the live demo at {@code demoRate} articles/s when that is above 0, until Ctrl-C. */
  private int runUntilStopped(Cluster c, ShutdownSignal signal, double demoRate) throws Exception {
    try (TopicReader<String, StoryEvent> events = new TopicReader<>(c.config().kafkaClientProperties(),
        c.topics().storyEvents())) {
      Thread printer = new Thread(() -> {
        try {
          events.follow(r -> {
            out.println(StoryJson.event(r.value()));
            out.flush();
          });
        } catch (WakeupException e) {
          // Asked to stop.
        }
      }, "story-event-printer");
      printer.start();
      if (!inputs.isEmpty()) {
        err.println("ingest: " + Services.ingestFiles(c, inputs, err));
      }
      try (PushEndpoint endpoint = push.enabled ? PushEndpoint.start(c) : null;
           FeedService polling = feeds == null ? null : FeedService.start(c, feeds, err);
           DemoSource.Running demo = demoRate > 0
               ? DemoSource.start(Services.ingest(c, "demo"), demoRate, Clock.systemUTC()) : null) {
        LOG.info("pipeline running; Ctrl-C to stop");
        signal.awaitStopRequest();
      }
      events.wakeup();
      printer.join();
    }
    LOG.info("stopping");
    return ExitCodes.OK;
  }

  private static String rateText(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }

  private static List<StorySnapshot> latestStories(Cluster c) {
    Map<String, StorySnapshot> latest = new LinkedHashMap<>();
    try (TopicReader<String, StorySnapshot> reader = new TopicReader<>(c.config().kafkaClientProperties(),
        c.topics().storySnapshots())) {
      reader.readAll().forEach(r -> {
        if (r.value() == null) {
          latest.remove(r.key());
        } else {
          latest.put(r.key(), r.value());
        }
      });
    }
    // A story folded into another is listed in the survivor.
    return latest.values().stream().filter(s -> s.getMergedInto() == null)
        .sorted(Comparator.comparing(StorySnapshot::getStartedAt).thenComparing(StorySnapshot::getStoryId))
        .toList();
  }
}
