package io.newsflow.app.options;

import io.newsflow.app.UsageProblem;
import io.newsflow.platform.config.NewsflowConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the cluster and registry are, shared by every command; flags win over file and environment. */
public final class ClusterOptions {
  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka cluster to use. Default for 'run': start a local broker.")
  String bootstrapServers;

  @Option(names = "--schema-registry-url", paramLabel = "URL",
      description = "Confluent-compatible schema registry. Default for 'run': start a local registry.")
  String schemaRegistryUrl;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (see README).")
  Path configFile;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where local broker data and state stores live (default .newsflow).")
  Path dataDir;

  @Option(names = "--partitions", paramLabel = "N", description = "Partitions of topics created by newsflow (default 2; the stories do not depend on it).")
  Integer partitions;

  public NewsflowConfig load() {
    Map<String, String> flags = new HashMap<>();
    flags.put(NewsflowConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    flags.put(NewsflowConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    flags.put(NewsflowConfig.DATA_DIR, dataDir == null ? null : dataDir.toString());
    flags.put(NewsflowConfig.PARTITIONS, partitions == null ? null : partitions.toString());
    if (configFile != null && !configFile.toFile().isFile()) {
      throw new UsageProblem("--config " + configFile + ": no such file");
    }
    return NewsflowConfig.load(Optional.ofNullable(configFile), System.getenv(), flags);
  }
}
