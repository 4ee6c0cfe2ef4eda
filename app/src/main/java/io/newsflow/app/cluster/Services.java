package io.newsflow.app.cluster;

import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.query.StoryQueries;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.ingest.IngestRun;
import io.newsflow.ingest.IngestService;
import io.newsflow.ingest.IngestSettings;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.LoadProgress;
import io.newsflow.ingest.TerminalProgress;
import io.newsflow.ingest.replay.ReplayProgress;
import io.newsflow.ingest.replay.ReplayRun;
import io.newsflow.ingest.replay.ReplaySpeed;
import io.newsflow.ingest.replay.ReplaySummary;
import io.newsflow.ingest.replay.ReplayWindow;
import io.newsflow.platform.config.ConfigException;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.DeadLetterHandler;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.TopicNames;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

/** Builds the three services of the pipeline against a cluster, the same way alone or together. */
public final class Services {
  public static final int DEFAULT_MAX_BODY_CHARS = 1_000_000;
  /** Host other aggregate instances forward story queries to (this instance's {@code application.server}). */
  static final String ADVERTISED_HOST = "http.advertised.host";

  private Services() {}

  public static StreamsService enrich(Cluster cluster) {
    return new StreamsService(enrichTopology(cluster), enrichSettings(cluster));
  }

  static Topology enrichTopology(Cluster cluster) {
    NewsflowConfig config = cluster.config();
    ArticleEnricher enricher = new ArticleEnricher(new ArticleAnalyzer(),
        (int) config.getLong("enrich.max-body-chars", DEFAULT_MAX_BODY_CHARS));
    long minArticles = config.getLong("enrich.boilerplate.min-articles", EnrichTopology.DEFAULT_BOILERPLATE_MIN_ARTICLES);
    if (minArticles < 1 || minArticles > Integer.MAX_VALUE) {
      throw new ConfigException("setting enrich.boilerplate.min-articles must be a positive integer, got " + minArticles);
    }
    return EnrichTopology.build(cluster.topics(), enricher, (int) minArticles, new MeteredEnrichment(cluster.meters()));
  }

  private static Properties enrichSettings(Cluster cluster) {
    return streamsSettings(cluster, EnrichTopology.APPLICATION_ID, EnrichTopology.STAGE);
  }

  public static StreamsService aggregate(Cluster cluster) {
    return aggregate(cluster, streamsSettings(cluster, AggregateTopology.APPLICATION_ID, AggregateTopology.STAGE));
  }

  private static StreamsService aggregate(Cluster cluster, Properties props) {
    return new StreamsService(
        AggregateTopology.build(cluster.topics(), ClusteringSettings.from(cluster.config()), cluster.registry(),
            new MeteredAssignments(cluster.meters(), Clock.systemUTC())),
        props);
  }

  /** The aggregate topology as {@link #aggregate} builds it: enough to name its internal topics for a reset. */
  static Topology aggregateTopology(Cluster cluster) {
    return AggregateTopology.build(cluster.topics(), ClusteringSettings.from(cluster.config()), cluster.registry());
  }

  /**
   * How long all lag must stay zero before the pipeline is idle: with several enriched partitions the
   * story assigner holds an article until enrich's next progress records (every 100 ms) have reached it.
   */
  public static Duration settleTime(Cluster cluster) {
    return cluster.topics().enriched().partitions() == 1 ? Duration.ZERO : Duration.ofSeconds(2);
  }

  /**
   * The aggregate answering {@code queries} on {@code httpPort}: its {@code application.server} is that
   * port on {@code http.advertised.host} (default {@code http.host}), where other instances forward to.
   */
  public static StreamsService aggregate(Cluster cluster, StoryQueries queries, int httpPort) {
    NewsflowConfig config = cluster.config();
    HostInfo self = new HostInfo(advertisedHost(config), httpPort);
    Properties props = streamsSettings(cluster, AggregateTopology.APPLICATION_ID, AggregateTopology.STAGE);
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
    StreamsService service = aggregate(cluster, props);
    queries.bind(service.streams(), self, cluster.topics());
    return service;
  }

  private static String advertisedHost(NewsflowConfig config) {
    String bound = config.get(Operations.HOST).orElse("127.0.0.1");
    return config.get(ADVERTISED_HOST).orElseGet(() -> {
      if (!bound.equals("0.0.0.0") && !bound.equals("::")) {
        return bound;
      }
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        throw new ConfigException("http.host " + bound + " listens everywhere and this host has no name: set "
            + ADVERTISED_HOST + " to the address other aggregate instances can reach");
      }
    });
  }

  private static Properties streamsSettings(Cluster cluster, String defaultApplicationId, String stage) {
    NewsflowConfig config = cluster.config();
    Properties props = StreamsSettings.forApplication(config, applicationId(config, defaultApplicationId), stage,
        cluster.topics().deadLetter().name(), cluster.registry());
    props.put(DeadLetterHandler.METERS, cluster.meters());
    return props;
  }

  /** Ingest against the cluster: its publisher, and what it already published read back from the state topic. */
  public static IngestService ingest(Cluster cluster) {
    return ingest(cluster, IngestSettings.from(cluster.config()));
  }

  /**
   * Ingest for one long-running source of this instance ({@code feeds}, {@code push}): its own
   * transactional id, so sources running at once never fence each other's producer.
   */
  public static IngestService ingest(Cluster cluster, String source) {
    IngestSettings settings = IngestSettings.from(cluster.config());
    return ingest(cluster, new IngestSettings(settings.transactionalId() + "-" + source, settings.maxPerTransaction()));
  }

  private static IngestService ingest(Cluster cluster, IngestSettings settings) {
    Map<String, Object> client = new HashMap<>();
    cluster.config().kafkaClientProperties().forEach((k, v) -> client.put((String) k, v));
    client.putAll(cluster.config().producerCompressionSettings());
    return IngestService.start(client, cluster.topics(), settings, Clock.systemUTC(),
        new MeteredIngestCounters(cluster.meters()));
  }

  /** Loads {@code inputs}, with a progress bar when {@code errors} is a person's terminal. */
  public static IngestSummary ingestFiles(Cluster cluster, List<Path> inputs, PrintStream errors) {
    LoadProgress.Factory progress = System.console() != null ? TerminalProgress.on(errors) : LoadProgress.Factory.HIDDEN;
    try (IngestService ingest = ingest(cluster)) {
      return new IngestRun(ingest.intake(), errors, progress).ingest(inputs);
    }
  }

  /**
   * Replays {@code inputs} in publication-time order, with progress bars when {@code errors} is a
   * person's terminal; its own transactional id, so a replay never fences a running ingest.
   */
  public static ReplaySummary replay(Cluster cluster, List<Path> inputs, ReplaySpeed speed, ReplayWindow window,
                              PrintStream errors) throws InterruptedException {
    boolean terminal = System.console() != null;
    Path spool = Path.of(cluster.config().require(NewsflowConfig.DATA_DIR), "replay");
    try (IngestService ingest = ingest(cluster, "replay")) {
      return new ReplayRun(ingest.intake(), errors,
          terminal ? TerminalProgress.on(errors) : LoadProgress.Factory.HIDDEN,
          terminal ? ReplayProgress.Factory.on(errors) : ReplayProgress.Factory.HIDDEN, spool)
          .replay(inputs, speed, window);
    }
  }

  /** Consumer groups of the pipeline and the topics each reads, for lag checks. */
  public static Map<String, Set<String>> consumerGroups(Cluster cluster) {
    return consumerGroups(cluster.config());
  }

  /** The same from settings alone, for commands that need no registry. */
  public static Map<String, Set<String>> consumerGroups(NewsflowConfig config) {
    TopicNames topics = TopicNames.fromSettings(config.asMap());
    String aggregateId = applicationId(config, AggregateTopology.APPLICATION_ID);
    return Map.of(
        applicationId(config, EnrichTopology.APPLICATION_ID), Set.of(topics.raw()),
        aggregateId, Set.of(topics.enriched(), aggregateId + "-" + AggregateTopology.SHARD_REPARTITION + "-repartition"));
  }

  private static String applicationId(NewsflowConfig config, String defaultId) {
    return StreamsSettings.applicationId(config, defaultId);
  }
}
