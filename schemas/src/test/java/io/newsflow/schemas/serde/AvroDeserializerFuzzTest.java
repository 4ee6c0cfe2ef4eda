package io.newsflow.schemas.serde;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;

/**
 * Arbitrary bytes into the Avro deserializers of both article topics: a record comes out, or
 * {@link UnreadableRecordException} (the only rejection they document), never another exception or
 * error. The registry knows ids 1 (RawArticle) and 2 (EnrichedArticle), so the fuzzer reaches the
 * decoding of both, and schema resolution across them. By default the inputs under
 * {@code src/test/resources/.../AvroDeserializerFuzzTestInputs} run as regression tests; {@code -Pfuzz}
 * fuzzes (Jazzer fuzzes one target per test JVM, hence one target here).
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
  void readsOrRejectsAnyBytes(byte[] bytes) {
    try {
      RAW.deserialize("raw", bytes);
    } catch (UnreadableRecordException rejected) {
      // the documented rejection
    }
    try {
      ENRICHED.deserialize("enriched", bytes);
    } catch (UnreadableRecordException rejected) {
      // the documented rejection
    }
  }
}
