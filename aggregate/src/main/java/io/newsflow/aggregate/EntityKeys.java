package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EntityType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link IndexKeys#entity} remembered by type and name: scoring needs the key of every entity of every
 * candidate story for every article, and lower-casing and joining them again was a tenth of the
 * scoring. Forgets everything past {@value #CAPACITY} names of a type, which bounds it without the
 * bookkeeping of an LRU.
 */
final class EntityKeys {
  static final int CAPACITY = 100_000;

  private final Map<EntityType, Map<String, String>> byType = new EnumMap<>(EntityType.class);

  String of(EntityType type, String name) {
    Map<String, String> keys = byType.computeIfAbsent(type, t -> new HashMap<>());
    String key = keys.get(name);
    if (key == null) {
      if (keys.size() >= CAPACITY) {
        keys.clear();
      }
      key = IndexKeys.entity(type, name);
      keys.put(name, key);
    }
    return key;
  }
}
