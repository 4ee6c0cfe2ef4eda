package io.newsflow.platform.registry;

import io.newsflow.platform.registry.LogEntry.ConfigEntry;
import io.newsflow.platform.registry.LogEntry.SchemaEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state in memory, rebuilt from and kept in step with the schema log: schemas by
 * global id, the versions of each subject (soft-deleted ones kept, as ids and version numbers are
 * never reused), and the compatibility levels, with the rules a new version must pass. Schemas are
 * held in canonical text ({@link #canonical}), so whitespace never makes a new id.
 */
final class SchemaStore {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaStore.class);

  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<Integer, String> textsById = new HashMap<>();
  private final Map<String, Integer> idsByText = new HashMap<>();
  private final Map<String, TreeMap<Integer, SchemaEntry>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
  private int maxId;

  /** Parses Avro schema text; a {@link RegistryException} 42201 when it is not a valid schema. */
  static Schema parse(String text) {
    if (text == null || text.isBlank()) {
      throw RegistryException.invalidSchema("empty schema");
    }
    try {
      return new Schema.Parser().parse(text);
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema(e.getMessage());
    }
  }

  /** The text a schema is stored, compared and served as. */
  static String canonical(Schema schema) {
    return schema.toString();
  }

  synchronized void apply(LogEntry entry) {
    if (entry instanceof SchemaEntry s) {
      Schema schema;
      try {
        schema = parse(s.schema());
      } catch (RegistryException e) {
        LOG.warn("ignoring unparseable schema id {} ({} version {}): {}", s.id(), s.subject(), s.version(), e.getMessage());
        return;
      }
      String text = canonical(schema);
      SchemaEntry stored = new SchemaEntry(s.subject(), s.version(), s.id(), text, s.deleted());
      subjects.computeIfAbsent(s.subject(), k -> new TreeMap<>()).put(s.version(), stored);
      if (schemasById.putIfAbsent(s.id(), schema) == null) {
        textsById.put(s.id(), text);
      }
      idsByText.putIfAbsent(text, s.id());
      maxId = Math.max(maxId, s.id());
    } else if (entry instanceof ConfigEntry c) {
      if (c.subject() == null) {
        globalLevel = c.level() == null ? CompatibilityLevel.DEFAULT : c.level();
      } else if (c.level() == null) {
        subjectLevels.remove(c.subject());
      } else {
        subjectLevels.put(c.subject(), c.level());
      }
    }
  }

  synchronized Optional<String> schemaText(int id) {
    return Optional.ofNullable(textsById.get(id));
  }

  synchronized Optional<Integer> idOf(String canonicalText) {
    return Optional.ofNullable(idsByText.get(canonicalText));
  }

  /** The id the next new schema gets: ids are never reused, not even those of deleted versions. */
  synchronized int nextId() {
    return maxId + 1;
  }

  /** Subjects with at least one version, deleted ones only when {@code includeDeleted}. */
  synchronized List<String> subjects(boolean includeDeleted) {
    List<String> names = new ArrayList<>();
    subjects.forEach((name, versions) -> {
      if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
        names.add(name);
      }
    });
    return names;
  }

  /** Versions of {@code subject}, oldest first; empty when the subject is unknown (or fully deleted and not asked for). */
  synchronized List<SchemaEntry> versions(String subject, boolean includeDeleted) {
    TreeMap<Integer, SchemaEntry> versions = subjects.get(subject);
    if (versions == null) {
      return List.of();
    }
    return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
  }

  synchronized Optional<SchemaEntry> version(String subject, int version, boolean includeDeleted) {
    TreeMap<Integer, SchemaEntry> versions = subjects.get(subject);
    SchemaEntry entry = versions == null ? null : versions.get(version);
    return entry == null || (entry.deleted() && !includeDeleted) ? Optional.empty() : Optional.of(entry);
  }

  synchronized Optional<SchemaEntry> latest(String subject) {
    List<SchemaEntry> live = versions(subject, false);
    return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
  }

  /** The live version of {@code subject} whose schema is {@code canonicalText}, if any. */
  synchronized Optional<SchemaEntry> find(String subject, String canonicalText) {
    return versions(subject, false).stream().filter(v -> v.schema().equals(canonicalText)).findFirst();
  }

  /** Live subject versions that use schema {@code id}. */
  synchronized List<SchemaEntry> usesOf(int id) {
    List<SchemaEntry> uses = new ArrayList<>();
    subjects.values().forEach(versions -> versions.values().stream()
        .filter(v -> v.id() == id && !v.deleted())
        .forEach(uses::add));
    return uses;
  }

  /** The number the next version of {@code subject} gets (after deleted ones too). */
  synchronized int nextVersion(String subject) {
    TreeMap<Integer, SchemaEntry> versions = subjects.get(subject);
    return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
  }

  synchronized CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  synchronized CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  /**
   * Why {@code candidate} may not be registered as the next version of {@code subject} under the
   * subject's level, checked against its live versions; empty when it may.
   */
  synchronized List<String> incompatibilities(String subject, Schema candidate) {
    SortedMap<Integer, Schema> live = new TreeMap<>();
    versions(subject, false).forEach(v -> live.put(v.version(), schemasById.get(v.id())));
    return effectiveLevel(subject).incompatibilities(candidate, live);
  }

  /** Why {@code candidate} is not compatible with version {@code version} alone under the subject's level. */
  synchronized List<String> incompatibilities(String subject, SchemaEntry version, Schema candidate) {
    SortedMap<Integer, Schema> one = new TreeMap<>(Map.of(version.version(), schemasById.get(version.id())));
    return effectiveLevel(subject).incompatibilities(candidate, one);
  }
}
