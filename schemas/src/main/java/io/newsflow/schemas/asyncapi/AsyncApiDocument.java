package io.newsflow.schemas.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.newsflow.schemas.PublicTopics;
import io.newsflow.schemas.PublicTopics.Guide;
import io.newsflow.schemas.PublicTopics.HeaderGuide;
import io.newsflow.schemas.Topic;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.serde.AvroSerde;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.yaml.snakeyaml.DumperOptions;

/**
 * The AsyncAPI 3 document of the public topics ({@code docs/asyncapi.yaml}), generated from the topic catalogue
 * ({@link Topics} with the default {@link TopicNames}), the Avro schemas of its serdes and the sentences of
 * {@link PublicTopics}. {@code AsyncApiDocumentTest} fails when the committed file differs from this output;
 * regenerate with {@code ./mvnw -pl schemas compile exec:java@asyncapi} (see docs/subscribing.md).
 */
public final class AsyncApiDocument {
  /** The Avro version AsyncAPI 3 names for Avro payloads; our schemas use nothing newer than 1.9. */
  public static final String AVRO_SCHEMA_FORMAT = "application/vnd.apache.avro;version=1.9.0";
  static final String KAFKA_BINDING_VERSION = "0.5.0";
  private static final String HEADER = """
      # Generated from the topic catalogue (schemas/.../Topics.java, PublicTopics.java) and the .avsc files by
      # io.newsflow.schemas.asyncapi.AsyncApiDocument: do not edit. Regenerate with
      #   ./mvnw -pl schemas compile exec:java@asyncapi
      """;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .dumperOptions(dumperOptions())
      .build());

  private AsyncApiDocument() {}

  /** Block style, list items indented under their key, and long lines not folded (diffs stay one line per change). */
  private static DumperOptions dumperOptions() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setSplitLines(false);
    return options;
  }

  /** Writes the document to {@code args[0]} (the build's {@code exec:java@asyncapi} passes docs/asyncapi.yaml). */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: AsyncApiDocument <output file>");
    }
    Path out = Path.of(args[0]);
    Files.writeString(out, yaml(), StandardCharsets.UTF_8);
    System.out.println("wrote " + out.toAbsolutePath().normalize());
  }

  /** The document as the committed file holds it. */
  public static String yaml() {
    try {
      return HEADER + YAML.writeValueAsString(build(new Topics(TopicNames.defaults(), 1, null)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the AsyncAPI document", e);
    }
  }

  static ObjectNode build(Topics topics) {
    Map<String, Topic<String, ?>> byName = new LinkedHashMap<>();
    for (Topic<String, ?> topic : topics.all()) {
      if (!PublicTopics.INTERNAL.contains(topic.name())
          && PublicTopics.GUIDES.stream().noneMatch(g -> g.name().equals(topic.name()))) {
        throw new IllegalStateException("topic " + topic.name() + " is in the catalogue but neither described in"
            + " PublicTopics.GUIDES nor listed in PublicTopics.INTERNAL: decide whether subscribers read it");
      }
      byName.put(topic.name(), topic);
    }
    ObjectNode document = NODES.objectNode();
    document.put("asyncapi", "3.1.0");
    ObjectNode info = document.putObject("info");
    info.put("title", "Newsflow public topics");
    info.put("version", projectVersion());
    info.put("description", """
        The topics other services subscribe to. Keys are plain UTF-8 strings (ADR 3). Values are Avro in the \
        Confluent wire format (magic byte 0, 4-byte big-endian schema id, Avro binary), their schemas registered \
        under the subject `<topic>-value` in a Confluent-compatible schema registry. Every topic is written in \
        transactions: read with `isolation.level=read_committed`. Record timestamps are event times (publication \
        times), not write times. Topic names are the defaults; a deployment may rename them (`topic.<role>`). \
        Consumer-facing semantics (ordering, versions, merges, compaction): docs/subscribing.md.""");
    info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
    ObjectNode channels = document.putObject("channels");
    ObjectNode operations = document.putObject("operations");
    ObjectNode messages = NODES.objectNode();
    for (Guide guide : PublicTopics.GUIDES) {
      Topic<String, ?> topic = byName.get(guide.name());
      if (topic == null) {
        throw new IllegalStateException("PublicTopics describes " + guide.name() + ", which the catalogue lacks");
      }
      Schema schema = valueSchema(topic);
      ObjectNode channel = channels.putObject(guide.id());
      channel.put("address", topic.name());
      channel.put("title", topic.name());
      channel.put("description", channelDescription(guide, topic));
      ObjectNode channelMessages = channel.putObject("messages");
      List<String> messageNames = new ArrayList<>();
      messageNames.add(schema.getName());
      messages.set(schema.getName(), avroMessage(schema, guide));
      if (topic.name().equals(TopicNames.ENRICHED)) {
        messageNames.add("ProgressRecord");
        messages.set("ProgressRecord", progressRecord());
      }
      for (String name : messageNames) {
        channelMessages.putObject(lowerFirst(name)).put("$ref", "#/components/messages/" + name);
      }
      ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
      kafka.set("topicConfiguration", topicConfiguration(topic.configs()));
      kafka.put("bindingVersion", KAFKA_BINDING_VERSION);

      // The document describes Newsflow, which sends; a subscriber's operation is the receiving side of it.
      ObjectNode operation = operations.putObject("send" + upperFirst(guide.id()));
      operation.put("action", "send");
      operation.putObject("channel").put("$ref", "#/channels/" + guide.id());
      operation.put("summary", "Newsflow writes " + topic.name() + "; subscribers receive it.");
      ArrayNode refs = operation.putArray("messages");
      for (String name : messageNames) {
        refs.addObject().put("$ref", "#/channels/" + guide.id() + "/messages/" + lowerFirst(name));
      }
    }
    document.putObject("components").set("messages", messages);
    return document;
  }

  private static Schema valueSchema(Topic<String, ?> topic) {
    if (!(topic.valueSerde() instanceof AvroSerde<?> avro)) {
      throw new IllegalStateException("topic " + topic.name() + " has no Avro value serde");
    }
    return avro.schema();
  }

  private static String channelDescription(Guide guide, Topic<String, ?> topic) {
    StringBuilder text = new StringBuilder(guide.summary()).append("\n\n")
        .append("Key: ").append(lowerFirst(guide.key())).append("\n\n")
        .append("Ordering: ").append(lowerFirst(guide.ordering())).append("\n\n")
        .append("Retention: ").append(retention(topic.configs())).append("\n");
    if (!guide.notes().isEmpty()) {
      text.append("\n").append(guide.notes()).append("\n");
    }
    if (topic.name().equals(TopicNames.STORY_EVENTS)) {
      text.append("\nEvent types (`type`):\n");
      for (StoryEventType type : StoryEventType.values()) {
        String meaning = PublicTopics.EVENT_TYPES.get(type);
        if (meaning == null) {
          throw new IllegalStateException("PublicTopics.EVENT_TYPES does not say what " + type + " means");
        }
        text.append("- ").append(type).append(": ").append(meaning).append("\n");
      }
    }
    return text.toString();
  }

  private static String retention(Map<String, String> configs) {
    if ("compact".equals(configs.get("cleanup.policy"))) {
      return "compacted: at least the latest record of each key is kept, older ones may be gone.";
    }
    if ("-1".equals(configs.get("retention.ms"))) {
      return "kept forever (retention.ms=-1): timestamps are event times, so time-based retention would delete"
          + " replayed old news before it was read (ADR 17).";
    }
    return "the broker's default retention.";
  }

  private static ObjectNode topicConfiguration(Map<String, String> configs) {
    ObjectNode node = NODES.objectNode();
    node.putArray("cleanup.policy").add(configs.getOrDefault("cleanup.policy", "delete"));
    for (Map.Entry<String, String> config : new TreeMap<>(configs).entrySet()) {
      switch (config.getKey()) {
        case "cleanup.policy" -> { }
        case "retention.ms", "retention.bytes", "delete.retention.ms", "max.message.bytes" ->
            node.put(config.getKey(), Long.parseLong(config.getValue()));
        default -> node.put(config.getKey(), config.getValue());
      }
    }
    return node;
  }

  private static ObjectNode avroMessage(Schema schema, Guide guide) {
    ObjectNode message = NODES.objectNode();
    message.put("name", schema.getName());
    message.put("title", schema.getName());
    message.put("summary", schema.getDoc());
    List<HeaderGuide> headers = PublicTopics.HEADERS.getOrDefault(guide.name(), List.of());
    if (!headers.isEmpty()) {
      ObjectNode headerSchema = message.putObject("headers");
      headerSchema.put("type", "object");
      ObjectNode properties = headerSchema.putObject("properties");
      for (HeaderGuide header : headers) {
        properties.putObject(header.name()).put("type", "string").put("description", header.meaning());
      }
    }
    ObjectNode payload = message.putObject("payload");
    payload.put("schemaFormat", AVRO_SCHEMA_FORMAT);
    try {
      payload.set("schema", withoutJavaHints(JSON.readTree(schema.toString())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Avro wrote a schema that is not JSON: " + schema.getFullName(), e);
    }
    message.set("bindings", kafkaMessageBinding(guide.key(), true));
    return message;
  }

  /**
   * The schema as the .avsc files say it: the generated classes' {@code avro.java.string} hints are for Java's code
   * generator only (readers ignore them; the parsing form is the same), so {@code {"type": "string"}} is "string".
   */
  private static JsonNode withoutJavaHints(JsonNode node) {
    if (node.isArray()) {
      ArrayNode items = NODES.arrayNode();
      node.forEach(item -> items.add(withoutJavaHints(item)));
      return items;
    }
    if (!node.isObject()) {
      return node;
    }
    ObjectNode copy = NODES.objectNode();
    node.fields().forEachRemaining(field -> {
      if (!field.getKey().equals("avro.java.string")) {
        copy.set(field.getKey(), withoutJavaHints(field.getValue()));
      }
    });
    return copy.size() == 1 && copy.path("type").isTextual() ? copy.get("type") : copy;
  }

  /** Enrich's progress records on the enriched topic (ADR 31): subscribers skip them. */
  private static ObjectNode progressRecord() {
    ObjectNode message = NODES.objectNode();
    message.put("name", "ProgressRecord");
    message.put("title", "ProgressRecord");
    message.put("summary", "Enrich's progress record: a null value to skip. Key `newsflow.progress/<partition>`;"
        + " the header says how far enrich has written this partition.");
    ObjectNode headers = message.putObject("headers");
    headers.put("type", "object");
    headers.putObject("properties").putObject("newsflow.progress").put("type", "string")
        .put("description", "Enrich has written every article of this partition whose ingest sequence is at most"
            + " this one, in decimal.");
    message.putObject("payload").put("type", "null");
    ObjectNode bindings = kafkaMessageBinding("`newsflow.progress/` and the partition the record is in.", false);
    ((ObjectNode) bindings.get("kafka").get("key")).put("pattern", "^newsflow\\.progress/[0-9]+$");
    message.set("bindings", bindings);
    return message;
  }

  private static ObjectNode kafkaMessageBinding(String keyDescription, boolean registrySchema) {
    ObjectNode bindings = NODES.objectNode();
    ObjectNode kafka = bindings.putObject("kafka");
    kafka.putObject("key").put("type", "string").put("description", keyDescription + " Plain UTF-8, no schema.");
    if (registrySchema) {
      kafka.put("schemaIdLocation", "payload");
      kafka.put("schemaIdPayloadEncoding", "confluent");
      kafka.put("schemaLookupStrategy", "TopicNameStrategy");
    }
    kafka.put("bindingVersion", KAFKA_BINDING_VERSION);
    return bindings;
  }

  private static String projectVersion() {
    try (InputStream in = AsyncApiDocument.class.getResourceAsStream("asyncapi.properties")) {
      if (in == null) {
        throw new IllegalStateException("asyncapi.properties is missing from the schemas jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String upperFirst(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
