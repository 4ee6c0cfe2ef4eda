package io.newsflow.platform.http;

import io.newsflow.platform.streams.StreamsService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether this process can do its work: every Kafka Streams service it runs is RUNNING. A process
 * running no topology (ingest alone) is ready as soon as it serves.
 */
final class Readiness {
  private final List<StreamsService> services = new CopyOnWriteArrayList<>();

  void watch(StreamsService service) {
    services.add(service);
  }

  boolean ready() {
    return services.stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING);
  }

  /** Each service's name and state, in the order they were watched. */
  List<java.util.Map<String, String>> states() {
    return services.stream().map(s -> java.util.Map.of("name", s.name(), "state", s.state().name())).toList();
  }

  /** One line of JSON naming each service's state, e.g. {@code {"enrich":"RUNNING"}}. */
  String describe() {
    return services.stream()
        .map(s -> "\"" + s.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\":\"" + s.state() + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }
}
