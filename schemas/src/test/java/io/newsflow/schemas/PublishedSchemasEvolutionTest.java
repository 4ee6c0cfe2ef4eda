package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.StorySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Public schemas against the versions published before them, kept as they were in {@code published/}:
 * records written by an old version must still read (BACKWARD), and old readers must read new ones
 * (FORWARD), as subscribers upgrade on their own schedule.
 */
class PublishedSchemasEvolutionTest {

  static Stream<Arguments> published() {
    return Stream.of(
        Arguments.of("StorySnapshot-1.avsc", StorySnapshot.getClassSchema(), "articleCount"),
        Arguments.of("EnrichedArticle-1.avsc", EnrichedArticle.getClassSchema(), "years"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("published")
  void currentSchemaReadsAndIsReadByThePublishedVersion(String file, Schema current, String addedSince)
      throws IOException {
    Schema published = published(file);
    assertThat(published.getField(addedSince)).isNull();
    assertThat(current.getField(addedSince)).isNotNull();

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, published).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(published, current).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
  }

  private static Schema published(String name) throws IOException {
    try (InputStream in = PublishedSchemasEvolutionTest.class.getResourceAsStream("/published/" + name)) {
      assertThat(in).as("published/" + name).isNotNull();
      // Their shared types are those of the common folder, unchanged since.
      return new Schema.Parser()
          .addTypes(List.of(ArticleRole.getClassSchema(), EntityType.getClassSchema(), EntityRef.getClassSchema()))
          .parse(in);
    }
  }
}
