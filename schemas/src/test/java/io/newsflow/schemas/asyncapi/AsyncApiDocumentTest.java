package io.newsflow.schemas.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.schemas.PublicTopics;
import io.newsflow.schemas.Topic;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml is generated, never edited: it must be exactly what the catalogue and the schemas give today,
 * so a topic or schema change that is not regenerated fails the build. AsyncApiDocumentIT validates it with the
 * AsyncAPI parser.
 */
class AsyncApiDocumentTest {
  static final Path COMMITTED =
      Paths.get(System.getProperty("basedir", System.getProperty("user.dir")), "..", "docs", "asyncapi.yaml")
          .toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> PUBLIC = Set.of(TopicNames.RAW, TopicNames.ENRICHED, TopicNames.STORY_EVENTS,
      TopicNames.STORY_SNAPSHOTS, TopicNames.ASSIGNMENTS, TopicNames.DEAD_LETTER);

  @Test
  void theCommittedDocumentIsWhatTheCatalogueAndSchemasGive() throws IOException {
    assertThat(COMMITTED).as("docs/asyncapi.yaml").exists();
    assertThat(Files.readString(COMMITTED))
        .as("docs/asyncapi.yaml is out of date with the topic catalogue or the .avsc files: regenerate it with"
            + " `./mvnw -pl schemas compile exec:java@asyncapi` and commit it")
        .isEqualTo(AsyncApiDocument.yaml());
  }

  @Test
  void everyPublicTopicIsAChannelWithTheSchemaOfItsCatalogueSerde() throws IOException {
    JsonNode document = YAML.readTree(AsyncApiDocument.yaml());
    Map<String, JsonNode> channels = new HashMap<>();
    document.path("channels").forEach(c -> channels.put(c.path("address").asText(), c));
    assertThat(channels.keySet()).containsExactlyInAnyOrderElementsOf(PUBLIC);

    for (Topic<String, ?> topic : new Topics(TopicNames.defaults(), 1, null).all()) {
      if (!PUBLIC.contains(topic.name())) {
        continue;
      }
      JsonNode channel = channels.get(topic.name());
      String messageName = channel.path("messages").elements().next().path("$ref").asText()
          .substring("#/components/messages/".length());
      JsonNode message = document.path("components").path("messages").path(messageName);
      JsonNode payload = message.path("payload");
      assertThat(payload.path("schemaFormat").asText()).isEqualTo("application/vnd.apache.avro;version=1.9.0");
      Schema documented = new Schema.Parser().parse(payload.path("schema").toString());
      Schema catalogue = ((AvroSerde<?>) topic.valueSerde()).schema();
      assertThat(SchemaNormalization.toParsingForm(documented)).as(topic.name())
          .isEqualTo(SchemaNormalization.toParsingForm(catalogue));
      assertThat(documented.getField(catalogue.getFields().get(0).name()).doc())
          .isEqualTo(catalogue.getFields().get(0).doc());
      assertThat(message.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
      assertThat(message.at("/bindings/kafka/schemaIdPayloadEncoding").asText()).isEqualTo("confluent");

      JsonNode configuration = channel.at("/bindings/kafka/topicConfiguration");
      String policy = topic.configs().getOrDefault("cleanup.policy", "delete");
      assertThat(configuration.path("cleanup.policy").get(0).asText()).as(topic.name()).isEqualTo(policy);
      assertThat(channel.path("description").asText()).as(topic.name())
          .contains(policy.equals("compact") ? "Retention: compacted" : "Retention: kept forever");
    }
  }

  @Test
  void theEnrichedTopicDocumentsTheProgressRecordsToSkip() throws IOException {
    JsonNode document = YAML.readTree(AsyncApiDocument.yaml());
    JsonNode progress = document.at("/components/messages/ProgressRecord");
    assertThat(progress.at("/payload/type").asText()).isEqualTo("null");
    assertThat(progress.at("/bindings/kafka/key/pattern").asText()).isEqualTo("^newsflow\\.progress/[0-9]+$");
    assertThat("newsflow.progress/1").matches(progress.at("/bindings/kafka/key/pattern").asText());
    assertThat(document.at("/channels/articlesEnriched/messages/progressRecord/$ref").asText())
        .isEqualTo("#/components/messages/ProgressRecord");
  }

  @Test
  void theEventsChannelSaysWhatEveryEventTypeMeans() throws IOException {
    String description = YAML.readTree(AsyncApiDocument.yaml()).at("/channels/storyEvents/description").asText();
    for (StoryEventType type : StoryEventType.values()) {
      assertThat(description).contains("- " + type + ": " + PublicTopics.EVENT_TYPES.get(type));
    }
  }

  @Test
  void everyCatalogueTopicIsEitherDescribedForSubscribersOrInternal() {
    Set<String> classified = new HashSet<>(PublicTopics.INTERNAL);
    List<String> described = PublicTopics.GUIDES.stream().map(PublicTopics.Guide::name).toList();
    classified.addAll(described);
    assertThat(described).containsExactlyInAnyOrderElementsOf(PUBLIC);
    assertThat(classified).containsExactlyInAnyOrderElementsOf(TopicNames.defaults().all());
  }
}
