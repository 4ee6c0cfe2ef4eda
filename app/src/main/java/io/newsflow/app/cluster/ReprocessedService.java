package io.newsflow.app.cluster;

import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.app.UsageProblem;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.TopicNames;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.streams.Topology;

/**
 * A service that {@code newsflow reprocess} can rebuild, with the topics it writes. A version runs
 * beside the live one: its own application id ({@code <app>-<V>}: consumer group, state, internal
 * topics) and its own output topics ({@code <topic>.<V>}), reading the same inputs from the start.
 */
public enum ReprocessedService {
  ENRICH(EnrichTopology.APPLICATION_ID, List.of("enriched", "deadletter"), Services::enrich, Services::enrichTopology),
  AGGREGATE(AggregateTopology.APPLICATION_ID, List.of("story-events", "story-snapshots", "assignments", "deadletter"),
      Services::aggregate, Services::aggregateTopology);

  /** Versions become parts of topic names and application ids: keep to the characters both allow. */
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

  private final String defaultApplicationId;
  private final List<String> outputRoles;
  private final Function<Cluster, StreamsService> service;
  private final Function<Cluster, Topology> topology;

  ReprocessedService(String defaultApplicationId, List<String> outputRoles, Function<Cluster, StreamsService> service,
                     Function<Cluster, Topology> topology) {
    this.defaultApplicationId = defaultApplicationId;
    this.outputRoles = outputRoles;
    this.service = service;
    this.topology = topology;
  }

  public static ReprocessedService parse(String name) {
    for (ReprocessedService s : values()) {
      if (s.serviceName().equals(name)) {
        return s;
      }
    }
    throw new UsageProblem("--service must be enrich or aggregate, got '" + name + "'");
  }

  public String serviceName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String applicationId(NewsflowConfig config) {
    return StreamsSettings.applicationId(config, defaultApplicationId);
  }

  /** {@code config} for version {@code version} of this service: application id and output topics suffixed. */
  public NewsflowConfig versioned(NewsflowConfig config, String version) {
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new UsageProblem("--version must be 1-40 letters, digits, '.', '_' or '-', starting with a letter or digit, got '"
          + version + "'");
    }
    NewsflowConfig v = config.with("application.id." + serviceName(), applicationId(config) + "-" + version);
    TopicNames names = TopicNames.fromSettings(config.asMap());
    for (String role : outputRoles) {
      v = v.with("topic." + role, topicName(names, role) + "." + version);
    }
    return v;
  }

  /** The topics this service writes under {@code config}. */
  public List<String> outputTopics(NewsflowConfig config) {
    TopicNames names = TopicNames.fromSettings(config.asMap());
    return outputRoles.stream().map(role -> topicName(names, role)).toList();
  }

  /** The service, built as {@code newsflow enrich|aggregate} builds it; not started. */
  public StreamsService service(Cluster cluster) {
    return service.apply(cluster);
  }

  /** Its topology, to name its internal topics. */
  public Topology topology(Cluster cluster) {
    return topology.apply(cluster);
  }

  private static String topicName(TopicNames names, String role) {
    return switch (role) {
      case "enriched" -> names.enriched();
      case "deadletter" -> names.deadLetter();
      case "story-events" -> names.storyEvents();
      case "story-snapshots" -> names.storySnapshots();
      case "assignments" -> names.assignments();
      default -> throw new IllegalArgumentException("not an output role: " + role);
    };
  }
}
