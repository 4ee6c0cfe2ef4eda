package io.newsflow.platform.streams;

import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.schemas.registry.SchemaRegistry;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams configuration every topology of the pipeline starts from: exactly-once v2, explicit
 * internal names enforced, all three error handlers routing to the dead-letter topic. Settings
 * given in {@link NewsflowConfig} win over these defaults.
 */
public final class StreamsSettings {
  private StreamsSettings() {}

  /**
   * The application id (and consumer group) of a service: {@code application.id.<service>} when set,
   * e.g. for a blue/green rebuild, else {@code defaultId} ({@code newsflow-<service>}).
   */
  public static String applicationId(NewsflowConfig config, String defaultId) {
    String service = defaultId.startsWith("newsflow-") ? defaultId.substring("newsflow-".length()) : defaultId;
    return config.get("application.id." + service).orElse(defaultId);
  }

  public static Properties forApplication(NewsflowConfig config, String applicationId, String stage,
                                          String deadLetterTopic, SchemaRegistry registry) {
    Properties p = new Properties();
    p.putAll(config.kafkaClientProperties());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.require(NewsflowConfig.PROCESSING_GUARANTEE));
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.require(NewsflowConfig.REPLICATION_FACTOR));
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.require(NewsflowConfig.STREAM_THREADS));
    p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.require(NewsflowConfig.STANDBY_REPLICAS));
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.require(NewsflowConfig.COMMIT_INTERVAL_MS));
    p.put(StreamsConfig.STATE_DIR_CONFIG,
        Path.of(config.require(NewsflowConfig.DATA_DIR), "state").toAbsolutePath().toString());
    // Generated names shift when the topology changes and silently orphan state.
    p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.put(DeadLetterHandler.STAGE, stage);
    p.put(DeadLetterHandler.TOPIC, deadLetterTopic);
    p.put(DeadLetterHandler.REGISTRY, registry);
    config.producerCompressionSettings().forEach((k, v) -> p.put(StreamsConfig.producerPrefix(k), v));
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "20");
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    config.asMap().forEach((k, v) -> {
      if (k.startsWith("streams.")) {
        p.put(k.substring("streams.".length()), v);
      }
    });
    return p;
  }
}
