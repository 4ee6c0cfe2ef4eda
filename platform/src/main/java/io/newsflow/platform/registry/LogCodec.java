package io.newsflow.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.registry.LogEntry.ConfigEntry;
import io.newsflow.platform.registry.LogEntry.SchemaEntry;
import java.io.IOException;
import java.util.Optional;

/**
 * Keys and values of the {@code _schemas} topic, in the JSON layout Confluent Schema Registry uses
 * ({@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} and
 * {@code {"keytype":"CONFIG","subject":..,"magic":0}}). Keys are written with a fixed field order so
 * that compaction keeps exactly the newest record of each subject version and of each config.
 */
final class LogCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LogCodec() {}

  static String key(LogEntry entry) {
    ObjectNode key = JSON.createObjectNode();
    if (entry instanceof SchemaEntry s) {
      key.put("keytype", "SCHEMA").put("subject", s.subject()).put("version", s.version()).put("magic", 1);
    } else if (entry instanceof ConfigEntry c) {
      key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
    }
    return key.toString();
  }

  /** The record value, or null (a tombstone) for a removed config. */
  static String value(LogEntry entry) {
    if (entry instanceof SchemaEntry s) {
      return JSON.createObjectNode()
          .put("subject", s.subject())
          .put("version", s.version())
          .put("id", s.id())
          .put("schema", s.schema())
          .put("deleted", s.deleted())
          .toString();
    }
    ConfigEntry c = (ConfigEntry) entry;
    return c.level() == null ? null : JSON.createObjectNode().put("compatibilityLevel", c.level().name()).toString();
  }

  /**
   * The entry a record holds; empty for record kinds this registry does not use (Confluent's NOOP,
   * MODE, DELETE_SUBJECT, ...) and for schema tombstones.
   *
   * @throws IllegalArgumentException when the record is not valid JSON of the expected layout
   */
  static Optional<LogEntry> decode(String key, String value) {
    try {
      JsonNode k = JSON.readTree(key);
      String keytype = k.path("keytype").asText();
      if ("SCHEMA".equals(keytype)) {
        if (value == null) {
          return Optional.empty();
        }
        JsonNode v = JSON.readTree(value);
        return Optional.of(new SchemaEntry(required(v, "subject").asText(), required(v, "version").asInt(),
            required(v, "id").asInt(), required(v, "schema").asText(), v.path("deleted").asBoolean(false)));
      }
      if ("CONFIG".equals(keytype)) {
        String subject = k.hasNonNull("subject") ? k.get("subject").asText() : null;
        CompatibilityLevel level = value == null ? null
            : CompatibilityLevel.parse(required(JSON.readTree(value), "compatibilityLevel").asText());
        return Optional.of(new ConfigEntry(subject, level));
      }
      return Optional.empty();
    } catch (IOException | RegistryException e) {
      throw new IllegalArgumentException("unreadable record (key " + key + "): " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode node, String field) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IOException("missing field " + field);
    }
    return value;
  }
}
