package io.newsflow.platform.registry;

import io.newsflow.platform.registry.LogEntry.ConfigEntry;
import io.newsflow.platform.registry.LogEntry.SchemaEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The registry's operations. Reads are answered from the {@link SchemaStore}; each change is decided
 * under one lock, after catching up with the log (in case another instance wrote to it), written to
 * the {@link SchemaLog} and applied to the store only once the broker acknowledged it.
 */
final class RegistryService implements AutoCloseable {
  private final SchemaStore store;
  private final SchemaLog log;
  private final Object writeLock = new Object();

  private RegistryService(SchemaStore store, SchemaLog log) {
    this.store = store;
    this.log = log;
  }

  /** Rebuilds the state from the whole log. */
  static RegistryService recover(SchemaLog log) {
    SchemaStore store = new SchemaStore();
    log.readToEnd(store::apply);
    return new RegistryService(store, log);
  }

  SchemaStore store() {
    return store;
  }

  /** Registers {@code schema} under {@code subject} (or finds it among the live versions) and returns its global id. */
  int register(String subject, Schema schema) {
    String text = SchemaStore.canonical(schema);
    synchronized (writeLock) {
      log.readToEnd(store::apply);
      Optional<SchemaEntry> existing = store.find(subject, text);
      if (existing.isPresent()) {
        return existing.get().id();
      }
      List<String> problems = store.incompatibilities(subject, schema);
      if (!problems.isEmpty()) {
        throw RegistryException.incompatible(subject, String.join(", ", problems));
      }
      int id = store.idOf(text).orElseGet(store::nextId);
      write(new SchemaEntry(subject, store.nextVersion(subject), id, text, false));
      return id;
    }
  }

  /** The live version of {@code subject} holding {@code schema}. */
  SchemaEntry lookup(String subject, Schema schema) {
    if (store.versions(subject, false).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return store.find(subject, SchemaStore.canonical(schema)).orElseThrow(RegistryException::schemaNotFound);
  }

  /** {@code version} is a number, {@code latest} or -1 (latest). */
  SchemaEntry version(String subject, String version, boolean includeDeleted) {
    int number = parseVersion(version);
    if (store.versions(subject, includeDeleted).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    if (number == -1) {
      return store.latest(subject).orElseThrow(() -> RegistryException.subjectNotFound(subject));
    }
    return store.version(subject, number, includeDeleted)
        .orElseThrow(() -> RegistryException.versionNotFound(subject, number));
  }

  List<Integer> versionNumbers(String subject, boolean includeDeleted) {
    List<SchemaEntry> versions = store.versions(subject, includeDeleted);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions.stream().map(SchemaEntry::version).toList();
  }

  String schemaText(int id) {
    return store.schemaText(id).orElseThrow(RegistryException::schemaNotFound);
  }

  List<SchemaEntry> usesOf(int id) {
    schemaText(id);
    return store.usesOf(id);
  }

  /** Soft-deletes every live version of {@code subject} and returns their numbers. */
  List<Integer> deleteSubject(String subject) {
    synchronized (writeLock) {
      log.readToEnd(store::apply);
      List<SchemaEntry> live = store.versions(subject, false);
      if (live.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      List<Integer> deleted = new ArrayList<>();
      for (SchemaEntry version : live) {
        write(version.softDeleted());
        deleted.add(version.version());
      }
      return deleted;
    }
  }

  /** Soft-deletes one version ({@code latest} allowed) and returns its number. */
  int deleteVersion(String subject, String version) {
    synchronized (writeLock) {
      log.readToEnd(store::apply);
      SchemaEntry entry = version(subject, version, false);
      write(entry.softDeleted());
      return entry.version();
    }
  }

  /**
   * Whether {@code schema} is compatible: with {@code latest}, as registering it would check (all
   * live versions at a transitive level; true when the subject has none); with a number, against
   * that version alone.
   */
  boolean isCompatible(String subject, String version, Schema schema) {
    int number = parseVersion(version);
    if (number == -1) {
      return store.incompatibilities(subject, schema).isEmpty();
    }
    SchemaEntry entry = version(subject, version, false);
    return store.incompatibilities(subject, entry, schema).isEmpty();
  }

  CompatibilityLevel globalLevel() {
    return store.globalLevel();
  }

  /** The subject's own level; with {@code defaultToGlobal} the global one when it has none. */
  CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
    Optional<CompatibilityLevel> own = store.subjectLevel(subject);
    if (own.isPresent()) {
      return own.get();
    }
    if (defaultToGlobal) {
      return store.globalLevel();
    }
    throw RegistryException.subjectLevelConfigNotFound(subject);
  }

  /** Sets the level of {@code subject}, or the global one when {@code subject} is null. */
  CompatibilityLevel setLevel(String subject, CompatibilityLevel level) {
    synchronized (writeLock) {
      write(new ConfigEntry(subject, level));
      return level;
    }
  }

  /** Removes the subject's own level and returns the one it had. */
  CompatibilityLevel deleteSubjectLevel(String subject) {
    synchronized (writeLock) {
      log.readToEnd(store::apply);
      CompatibilityLevel previous = subjectLevel(subject, false);
      write(new ConfigEntry(subject, null));
      return previous;
    }
  }

  @Override
  public void close() {
    synchronized (writeLock) {
      log.close();
    }
  }

  private void write(LogEntry entry) {
    log.append(entry);
    store.apply(entry);
  }

  /** A version number (1 and up), or -1 for {@code latest} / {@code -1}; anything else is a 42202 error. */
  static int parseVersion(String version) {
    if ("latest".equalsIgnoreCase(version)) {
      return -1;
    }
    try {
      int number = Integer.parseInt(version);
      if (number == -1 || number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw RegistryException.invalidVersion(version);
  }
}
