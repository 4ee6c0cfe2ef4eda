package io.newsflow.examples;

import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows Newsflow's stories: reads {@code news.stories.events} with a plain {@link KafkaConsumer} and the published
 * schemas, and prints one line per event. Semantics it relies on: docs/subscribing.md.
 *
 * <pre>
 * java -cp "target/java-consumer.jar:target/lib/*" io.newsflow.examples.StoryFollower \
 *     --bootstrap-servers 127.0.0.1:9092 --schema-registry-url http://127.0.0.1:8081 [--topic news.stories.events]
 *     [--group story-follower] [--exit-when-caught-up]
 * </pre>
 */
public final class StoryFollower {
  private final Map<String, Long> lastSequence = new HashMap<>();

  public static void main(String[] args) {
    Map<String, String> options = options(args);
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.getOrDefault("bootstrap-servers", "127.0.0.1:9092"));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, options.getOrDefault("group", "story-follower"));
    // The pipeline writes in transactions: without read_committed a consumer also sees aborted writes.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    String topic = options.getOrDefault("topic", "news.stories.events");
    // Keys are plain UTF-8 story ids; values Avro in the Confluent wire format, the writer's schema fetched by id.
    var registry = new HttpSchemaRegistryClient(options.getOrDefault("schema-registry-url", "http://127.0.0.1:8081"));
    try (KafkaConsumer<String, StoryEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new AvroDeserializer<>(registry, StoryEvent.class))) {
      consumer.subscribe(List.of(topic));
      new StoryFollower().follow(consumer, options.containsKey("exit-when-caught-up"));
    }
  }

  void follow(KafkaConsumer<String, StoryEvent> consumer, boolean exitWhenCaughtUp) {
    while (true) {
      for (ConsumerRecord<String, StoryEvent> record : consumer.poll(Duration.ofSeconds(1))) {
        print(record.value());
      }
      if (exitWhenCaughtUp && caughtUp(consumer)) {
        return;
      }
    }
  }

  private void print(StoryEvent event) {
    // Versions run 1, 2, 3... per story: a gap means this consumer started after the story did (or missed
    // events); the story's current state is then on news.stories.snapshots.
    Long previous = lastSequence.put(event.getStoryId(), event.getSequence());
    if (previous != null && event.getSequence() <= previous) {
      return; // already seen (the consumer was rewound)
    }
    if (previous == null ? event.getSequence() != 1 : event.getSequence() != previous + 1) {
      System.err.printf("%s: events before version %d not seen%n", event.getStoryId(), event.getSequence());
    }
    StringBuilder line = new StringBuilder().append(event.getStoryId()).append(" v").append(event.getSequence())
        .append(' ').append(event.getType()).append(" articles=").append(event.getArticleCount())
        .append(" \"").append(event.getHeadline()).append('"');
    if (event.getArticleId() != null) {
      line.append(' ').append(event.getArticleId()).append(' ').append(event.getRole() == null ? "" : event.getRole());
    }
    if (event.getType() == StoryEventType.STORIES_MERGED) {
      line.append(" absorbed=").append(event.getMergedStoryIds());
    } else if (event.getType() == StoryEventType.STORY_CLOSED && !event.getMergedStoryIds().isEmpty()) {
      line.append(" mergedInto=").append(event.getMergedStoryIds().get(0));
    }
    System.out.println(line);
  }

  /** Every assigned partition read up to its end (with read_committed: the last committed record). */
  private static boolean caughtUp(KafkaConsumer<String, StoryEvent> consumer) {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return false;
    }
    Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
    return assigned.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String name = args[i].substring(2);
      boolean flag = name.equals("exit-when-caught-up");
      if (!flag && i + 1 >= args.length) {
        throw new IllegalArgumentException("--" + name + " needs a value");
      }
      options.put(name, flag ? "true" : args[++i]);
    }
    return options;
  }
}
