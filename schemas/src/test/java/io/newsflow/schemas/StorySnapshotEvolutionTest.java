package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.StorySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.api.Test;

/**
 * StorySnapshot against the versions published before it, kept as they were in {@code published/}:
 * snapshots written by them must still read (BACKWARD), and their readers must read new ones (FORWARD),
 * as subscribers upgrade on their own schedule.
 */
class StorySnapshotEvolutionTest {
  private static final Schema CURRENT = StorySnapshot.getClassSchema();

  @Test
  void currentSchemaReadsAndIsReadByVersion1() throws IOException {
    Schema published = published("StorySnapshot-1.avsc");
    assertThat(published.getField("articleCount")).isNull();

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, published).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(published, CURRENT).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
  }

  private static Schema published(String name) throws IOException {
    try (InputStream in = StorySnapshotEvolutionTest.class.getResourceAsStream("/published/" + name)) {
      assertThat(in).as("published/" + name).isNotNull();
      // Its shared types are those of the common folder, unchanged since.
      return new Schema.Parser()
          .addTypes(List.of(ArticleRole.getClassSchema(), EntityType.getClassSchema(), EntityRef.getClassSchema()))
          .parse(in);
    }
  }
}
