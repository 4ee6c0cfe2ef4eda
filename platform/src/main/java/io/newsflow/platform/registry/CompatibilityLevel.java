package io.newsflow.platform.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Confluent's compatibility levels and their rules. BACKWARD: the new schema (reader) reads data
 * written with the latest one; FORWARD: the latest reads data written with the new one; FULL: both;
 * the transitive levels check against every live version instead of the latest only.
 */
enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** Parses a level case-insensitively; anything else is a 42203 error. */
  static CompatibilityLevel parse(String level) {
    if (level != null) {
      try {
        return valueOf(level.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // fall through
      }
    }
    throw RegistryException.invalidCompatibilityLevel(level);
  }

  /**
   * Why {@code candidate} may not follow {@code existing} (version to schema, oldest first) at this
   * level; empty when it may. Without transitivity only the newest existing version counts.
   */
  List<String> incompatibilities(Schema candidate, SortedMap<Integer, Schema> existing) {
    List<String> problems = new ArrayList<>();
    if (this == NONE || existing.isEmpty()) {
      return problems;
    }
    Iterable<Map.Entry<Integer, Schema>> against = transitive
        ? existing.entrySet()
        : existing.tailMap(existing.lastKey()).entrySet();
    for (Map.Entry<Integer, Schema> version : against) {
      if (backward) {
        problems.addAll(check(candidate, version.getValue(), "new schema reading version " + version.getKey()));
      }
      if (forward) {
        problems.addAll(check(version.getValue(), candidate, "version " + version.getKey() + " reading new schema"));
      }
    }
    return problems;
  }

  private static List<String> check(Schema reader, Schema writer, String direction) {
    SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    List<String> problems = new ArrayList<>();
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return problems;
    }
    for (Incompatibility i : result.getResult().getIncompatibilities()) {
      problems.add("{" + direction + ": " + i.getType() + " at " + i.getLocation() + ": " + i.getMessage() + "}");
    }
    if (problems.isEmpty()) {
      problems.add("{" + direction + ": " + result.getDescription() + "}");
    }
    return problems;
  }
}
