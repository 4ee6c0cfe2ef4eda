package io.newsflow.app;

import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.ingest.IngestRun;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.RawArticlePublisher;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the three services of the pipeline against a cluster, the same way alone or together. */
final class Services {
  static final int DEFAULT_MAX_BODY_CHARS = 1_000_000;

  private Services() {}

  static StreamsService enrich(Cluster cluster) {
    NewsflowConfig config = cluster.config();
    ArticleEnricher enricher = new ArticleEnricher(new ArticleAnalyzer(),
        (int) config.getLong("enrich.max-body-chars", DEFAULT_MAX_BODY_CHARS));
    return new StreamsService(EnrichTopology.build(cluster.topics(), enricher),
        StreamsSettings.forApplication(config, applicationId(config, EnrichTopology.APPLICATION_ID),
            EnrichTopology.STAGE, cluster.topics().deadLetter().name(), cluster.registry()));
  }

  static StreamsService aggregate(Cluster cluster) {
    NewsflowConfig config = cluster.config();
    return new StreamsService(
        AggregateTopology.build(cluster.topics(), ClusteringSettings.from(config), cluster.registry()),
        StreamsSettings.forApplication(config, applicationId(config, AggregateTopology.APPLICATION_ID),
            AggregateTopology.STAGE, cluster.topics().deadLetter().name(), cluster.registry()));
  }

  /** Producer settings of the raw-article publisher: its safe defaults plus the cluster's client settings. */
  static Map<String, Object> producerConfig(Cluster cluster) {
    Map<String, Object> producer = new HashMap<>(RawArticlePublisher.producerDefaults());
    cluster.config().kafkaClientProperties().forEach((k, v) -> producer.put((String) k, v));
    return producer;
  }

  static IngestSummary ingestFiles(Cluster cluster, List<Path> inputs, PrintStream errors) {
    try (RawArticlePublisher publisher = RawArticlePublisher.create(producerConfig(cluster), cluster.topics())) {
      IngestSummary summary = new IngestRun(publisher, errors, Clock.systemUTC()).ingest(inputs);
      publisher.flush();
      return summary;
    }
  }

  /** Consumer groups of the pipeline and the topics each reads, for lag checks. */
  static Map<String, Set<String>> consumerGroups(Cluster cluster) {
    NewsflowConfig config = cluster.config();
    String aggregateId = applicationId(config, AggregateTopology.APPLICATION_ID);
    return Map.of(
        applicationId(config, EnrichTopology.APPLICATION_ID), Set.of(cluster.topics().raw().name()),
        aggregateId, Set.of(cluster.topics().enriched().name(),
            aggregateId + "-" + AggregateTopology.SHARD_REPARTITION + "-repartition"));
  }

  private static String applicationId(NewsflowConfig config, String defaultId) {
    return StreamsSettings.applicationId(config, defaultId);
  }
}
