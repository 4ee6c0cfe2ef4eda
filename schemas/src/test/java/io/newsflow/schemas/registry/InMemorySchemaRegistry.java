package io.newsflow.schemas.registry;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry for topology unit tests (TopologyTestDriver), where no registry server runs. */
public final class InMemorySchemaRegistry implements SchemaRegistry {
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    return idsBySchema.computeIfAbsent(schema.toString(), s -> {
      int id = schemasById.size() + 1;
      schemasById.put(id, schema);
      return id;
    });
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException("Schema " + id + " not found", 404, 40403);
    }
    return schema;
  }
}
