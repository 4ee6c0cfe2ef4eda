package io.newsflow.schemas.registry;

import org.apache.avro.Schema;

/** What the serde needs from a Confluent-compatible schema registry. */
public interface SchemaRegistry {

  /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
  int register(String subject, Schema schema);

  /** The schema with global id {@code id}. */
  Schema schemaById(int id);
}
