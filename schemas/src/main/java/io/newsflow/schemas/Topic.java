package io.newsflow.schemas;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the pipeline: its name, how it is laid out, and the serdes of its records.
 * Use as {@code Consumed.with(topic.keySerde(), topic.valueSerde())}.
 */
public record Topic<K, V>(String name, int partitions, Map<String, String> configs,
                          Serde<K> keySerde, Serde<V> valueSerde) {
  public Topic {
    configs = Map.copyOf(configs);
  }
}
