package io.newsflow.platform.config;

import java.util.List;

/**
 * Gives a pipeline its own topic names and application ids under a prefix, so that an evaluation,
 * a test or a side-by-side rebuild never reads or writes the live pipeline's topics, offsets or state.
 */
public final class PipelineNamespace {
  static final List<String> TOPIC_ROLES =
      List.of("raw", "enriched", "deadletter", "story-events", "story-snapshots", "assignments", "ingest-state",
          "ingest-progress");
  static final List<String> SERVICES = List.of("enrich", "aggregate");

  private PipelineNamespace() {}

  public static NewsflowConfig apply(NewsflowConfig config, String prefix) {
    NewsflowConfig namespaced = config;
    for (String service : SERVICES) {
      namespaced = namespaced.with("application.id." + service, prefix + "-" + service);
    }
    for (String role : TOPIC_ROLES) {
      namespaced = namespaced.with("topic." + role, prefix + "-" + role);
    }
    return namespaced;
  }
}
