package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.StorySnapshot;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;

/** StorySnapshot gained {@code mergedInto}: snapshots written before must still read, and old readers must read new ones. */
class StorySnapshotEvolutionTest {
  private static final Schema CURRENT = StorySnapshot.getClassSchema();

  @Test
  void schemaWithMergedIntoIsBackwardAndForwardCompatibleWithTheOneBefore() {
    List<Schema.Field> kept = CURRENT.getFields().stream().filter(f -> !f.name().equals("mergedInto"))
        .map(f -> new Schema.Field(f, f.schema())).toList();
    assertThat(kept).hasSize(CURRENT.getFields().size() - 1);
    Schema before = Schema.createRecord(CURRENT.getName(), CURRENT.getDoc(), CURRENT.getNamespace(), false, kept);

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, before).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(before, CURRENT).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
  }
}
