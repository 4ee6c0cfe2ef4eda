package io.newsflow.aggregate;

import io.newsflow.schemas.Topic;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The aggregate's processors forward each record to the child named for its kind
 * ({@code context.forward(record, name)}) instead of one stream split by type tests: the topology's
 * shape is in the names. The streams between them carry several value types, so each sink takes its
 * topic's serde for the one type it is sent.
 */
final class NamedOutputs {
  static final String ASSIGNER = "story-assigner";
  static final String EVENTS = "story-events-sink";
  static final String SNAPSHOTS = "story-snapshots-sink";
  static final String ASSIGNMENTS = "assignments-sink";

  private NamedOutputs() {}

  /** A sink named {@code name} writing with {@code topic}'s serdes: only records of its value type are forwarded to it. */
  @SuppressWarnings("unchecked")
  static <V> Produced<String, Object> produced(Topic<String, V> topic, String name) {
    return Produced.with(topic.keySerde(), (Serde<Object>) (Serde<?>) topic.valueSerde()).withName(name);
  }
}
