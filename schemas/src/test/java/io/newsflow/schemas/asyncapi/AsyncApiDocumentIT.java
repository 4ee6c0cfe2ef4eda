package io.newsflow.schemas.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.serde.AvroSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/asyncapi.yaml through the official AsyncAPI parser ({@code @asyncapi/parser}, with
 * {@code @asyncapi/avro-schema-parser} for the Avro payloads), run by Node.js from src/test/asyncapi
 * ({@code npm ci} there runs in pre-integration-test). Without Node.js or those packages the test fails.
 */
class AsyncApiDocumentIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static NodeScript validator;

  @BeforeAll
  static void requireParser() {
    validator = NodeScript.in("src/test/asyncapi", "validate.js", "@asyncapi/parser", "@asyncapi/avro-schema-parser");
  }

  @Test
  void theParserAcceptsTheDocumentWithoutAnyDiagnostic() throws Exception {
    JsonNode result = JSON.readTree(validator.run(AsyncApiDocumentTest.COMMITTED.toString()));

    assertThat(result.path("diagnostics")).as(result.path("diagnostics").toPrettyString()).isEmpty();
    assertThat(names(result.path("avroValidated"))).containsExactlyInAnyOrder(
        "RawArticle", "EnrichedArticle", "StoryEvent", "StorySnapshot", "ArticleAssignment", "DeadLetter");
    Map<String, Schema> schemas = new HashMap<>();
    new Topics(TopicNames.defaults(), 1, null).all()
        .forEach(t -> schemas.put(t.name(), ((AvroSerde<?>) t.valueSerde()).schema()));
    List<String> addresses = new ArrayList<>();
    for (JsonNode channel : result.path("channels")) {
      String address = channel.path("address").asText();
      addresses.add(address);
      JsonNode avro = channel.path("messages").get(0);
      // What the parser made of the Avro payload: the record's fields, in order.
      assertThat(names(avro.path("properties"))).as(address)
          .containsExactlyElementsOf(schemas.get(address).getFields().stream().map(Schema.Field::name).toList());
      assertThat(avro.path("schemaFormat").asText()).isEqualTo(AsyncApiDocument.AVRO_SCHEMA_FORMAT);
      assertThat(avro.path("keyType").asText()).as(address).isEqualTo("string");
    }
    assertThat(addresses).containsExactly(TopicNames.RAW, TopicNames.ENRICHED, TopicNames.STORY_EVENTS,
        TopicNames.STORY_SNAPSHOTS, TopicNames.ASSIGNMENTS, TopicNames.DEAD_LETTER);
  }

  @Test
  void theParserRejectsAnAvroPayloadNamingAnUndefinedType(@TempDir Path dir) throws Exception {
    String document = Files.readString(AsyncApiDocumentTest.COMMITTED);
    assertThat(document).contains("items: WeightedTerm");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), document.replaceFirst("items: WeightedTerm", "items: NoSuchType"));

    JsonNode result = JSON.readTree(validator.run(broken.toString()));

    assertThat(result.path("diagnostics")).anySatisfy(d -> {
      assertThat(d.path("severity").asText()).isEqualTo("Error");
      assertThat(d.path("message").asText()).contains("NoSuchType");
      assertThat(d.path("path").asText()).isEqualTo("components.messages.EnrichedArticle.payload");
    });
  }

  @Test
  void theParserRejectsAnOperationOnAChannelThatDoesNotExist(@TempDir Path dir) throws Exception {
    String document = Files.readString(AsyncApiDocumentTest.COMMITTED);
    Path broken = Files.writeString(dir.resolve("broken.yaml"),
        document.replace("$ref: \"#/channels/deadLetters\"", "$ref: \"#/channels/noSuchChannel\""));

    JsonNode result = JSON.readTree(validator.run(broken.toString()));

    assertThat(result.path("diagnostics")).anySatisfy(d -> assertThat(d.path("severity").asText()).isEqualTo("Error"));
  }

  private static List<String> names(JsonNode array) {
    List<String> names = new ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }
}
