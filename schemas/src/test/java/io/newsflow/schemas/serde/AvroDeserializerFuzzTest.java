package io.newsflow.schemas.serde;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;

/**
 * Arbitrary bytes into the Avro deserializer: a record comes out, or {@link UnreadableRecordException}
 * (the only rejection it documents), never another exception or error. The registry knows ids 1
 * (RawArticle) and 2 (EnrichedArticle), so the fuzzer reaches the Avro decoding of both. Runs the
 * inputs under {@code src/test/resources/.../AvroDeserializerFuzzTestInputs} by default; fuzzes
 * with {@code -Pfuzz}.
 */
class AvroDeserializerFuzzTest {
  private static final InMemorySchemaRegistry REGISTRY = new InMemorySchemaRegistry();
  private static final AvroDeserializer<RawArticle> RAW;
  private static final AvroDeserializer<EnrichedArticle> ENRICHED;

  static {
    REGISTRY.register("raw-value", RawArticle.getClassSchema());
    REGISTRY.register("enriched-value", EnrichedArticle.getClassSchema());
    RAW = new AvroDeserializer<>(REGISTRY, RawArticle.class);
    ENRICHED = new AvroDeserializer<>(REGISTRY, EnrichedArticle.class);
  }

  @FuzzTest(maxDuration = "20s")
  void readsOrRejectsAnyBytesAsARawArticle(byte[] bytes) {
    try {
      RAW.deserialize("raw", bytes);
    } catch (UnreadableRecordException rejected) {
      // the documented rejection
    }
  }

  @FuzzTest(maxDuration = "20s")
  void readsOrRejectsAnyBytesAsAnEnrichedArticle(byte[] bytes) {
    try {
      ENRICHED.deserialize("enriched", bytes);
    } catch (UnreadableRecordException rejected) {
      // the documented rejection
    }
  }
}
