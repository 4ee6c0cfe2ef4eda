package io.newsflow.platform.registry;

/** One change of the registry's state, as kept in the {@code _schemas} topic. */
sealed interface LogEntry {

  /** Version {@code version} of {@code subject} is the schema with global id {@code id}; soft-deleted when {@code deleted}. */
  record SchemaEntry(String subject, int version, int id, String schema, boolean deleted) implements LogEntry {
    SchemaEntry softDeleted() {
      return new SchemaEntry(subject, version, id, schema, true);
    }
  }

  /**
   * The compatibility level of {@code subject}, or the global one when {@code subject} is null;
   * {@code level} null removes the setting (the subject falls back to the global level, the global one to BACKWARD).
   */
  record ConfigEntry(String subject, CompatibilityLevel level) implements LogEntry {}
}
