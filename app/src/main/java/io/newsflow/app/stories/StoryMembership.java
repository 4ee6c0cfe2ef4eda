package io.newsflow.app.stories;

import io.newsflow.app.UsageProblem;
import io.newsflow.schemas.Topic;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.StoryArticle;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.registry.SchemaRegistry;
import io.newsflow.schemas.serde.AvroSerde;
import io.newsflow.schemas.serde.WireFormat;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Which story each article is in, as one story output says: the latest record per key of a story
 * snapshots topic (with headlines) or of an article assignments topic; tombstones remove. The kind
 * of topic is read from the schema of its records, so any version's topics can be compared.
 *
 * @param kind       {@code snapshots}, {@code assignments}, or {@code empty}
 * @param storyOf    article id to story id
 * @param headlines  story id to headline (snapshots only)
 */
public record StoryMembership(String kind, Map<String, String> storyOf, Map<String, String> headlines) {

  public static StoryMembership read(Properties clientProperties, SchemaRegistry registry, String topicName) {
    Topic<String, byte[]> topic = new Topic<>(topicName, 1, Map.of(), Serdes.String(), Serdes.ByteArray());
    List<ConsumerRecord<String, byte[]>> records;
    try (TopicReader<String, byte[]> reader = new TopicReader<>(clientProperties, topic)) {
      records = reader.readAll();
    }
    String schema = records.stream().filter(r -> r.value() != null).findFirst()
        .map(r -> registry.schemaById(ByteBuffer.wrap(r.value(), 1, WireFormat.HEADER_SIZE - 1).getInt()).getName())
        .orElse(null);
    if (schema == null) {
      return new StoryMembership("empty", Map.of(), Map.of());
    }
    return switch (schema) {
      case "StorySnapshot" -> fromSnapshots(latest(records, AvroSerde.forValues(registry, StorySnapshot.class).deserializer(), topicName));
      case "ArticleAssignment" -> fromAssignments(latest(records, AvroSerde.forValues(registry, ArticleAssignment.class).deserializer(), topicName));
      default -> throw new UsageProblem("topic " + topicName + " holds " + schema
          + " records; compare reads story snapshots or article assignments");
    };
  }

  static StoryMembership fromAssignments(Map<String, ArticleAssignment> latest) {
    Map<String, String> storyOf = new TreeMap<>();
    latest.forEach((articleId, a) -> storyOf.put(articleId, a.getStoryId()));
    return new StoryMembership("assignments", storyOf, Map.of());
  }

  /**
   * An article listed by two snapshots counts in the more recently updated one. A snapshot lists at most 50
   * articles: a larger story is refused, as its membership is only whole on the assignments topic.
   */
  static StoryMembership fromSnapshots(Map<String, StorySnapshot> latest) {
    Map<String, String> storyOf = new TreeMap<>();
    Map<String, String> headlines = new TreeMap<>();
    latest.values().stream()
        .sorted(Comparator.comparing(StorySnapshot::getUpdatedAt).thenComparing(StorySnapshot::getStoryId))
        .forEach(s -> {
          if (s.getArticleCount() > s.getArticles().size()) {
            throw new UsageProblem("story " + s.getStoryId() + " lists " + s.getArticles().size() + " of its "
                + s.getArticleCount() + " articles in its snapshot; compare the assignments topics for full membership");
          }
          headlines.put(s.getStoryId(), s.getHeadline());
          for (StoryArticle a : s.getArticles()) {
            storyOf.put(a.getArticleId(), s.getStoryId());
          }
        });
    return new StoryMembership("snapshots", storyOf, headlines);
  }

  private static <V> Map<String, V> latest(List<ConsumerRecord<String, byte[]>> records, Deserializer<V> values, String topic) {
    Map<String, V> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.value() == null) {
        latest.remove(r.key());
      } else {
        latest.put(r.key(), values.deserialize(topic, r.value()));
      }
    }
    return latest;
  }
}
