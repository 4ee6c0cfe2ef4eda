package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StorySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public schema against the versions published before it, kept as they were in {@code published/}: each file
 * is the schema file of a commit, {@code <Schema>-<n>.avsc} its n-th committed version ({@code git log --reverse --
 * schemas/src/main/avro/<Schema>.avsc}), never a hand-edited copy. The newest of each is what running consumers were
 * built with. Records written by any kept version must read with the current schema (BACKWARD, what the registry
 * checks before it registers a version), and old readers must read records of the current one (FORWARD), as
 * subscribers upgrade on their own schedule, except for the breaks an ADR accepted, listed in {@link #FORWARD_BREAKS}.
 */
class PublishedSchemasEvolutionTest {
  /** Every schema of a public topic, with its newest published version. */
  private static final Map<Schema, String> LATEST_PUBLISHED = Map.of(
      RawArticle.getClassSchema(), "RawArticle-2.avsc",
      EnrichedArticle.getClassSchema(), "EnrichedArticle-5.avsc",
      StoryEvent.getClassSchema(), "StoryEvent-3.avsc",
      StorySnapshot.getClassSchema(), "StorySnapshot-3.avsc",
      ArticleAssignment.getClassSchema(), "ArticleAssignment-2.avsc",
      DeadLetter.getClassSchema(), "DeadLetter-2.avsc");

  /**
   * Old versions that cannot read the current schema's records, and the one field why. EnrichedArticle 5 replaced the
   * long {@code simHash} with the string {@code simHashHex} (ADR 33): a reader of version 4 or before, compiled with
   * that schema, needs {@code simHash} and has no default for it; such a consumer upgrades before enrich does.
   */
  private static final Map<String, String> FORWARD_BREAKS = Map.of(
      "EnrichedArticle-2.avsc", "simHash",
      "EnrichedArticle-4.avsc", "simHash");

  static Stream<String> published() {
    try (Stream<Path> files = Files.list(Path.of(PublishedSchemasEvolutionTest.class.getResource("/published").toURI()))) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertThat(names).isNotEmpty();
      return names.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyPublicSchemaHasItsLatestPublishedVersionKept() {
    for (var latest : LATEST_PUBLISHED.entrySet()) {
      String name = latest.getKey().getName();
      assertThat(latest.getValue()).startsWith(name + "-");
      int newestKept = published().filter(f -> f.startsWith(name + "-"))
          .map(PublishedSchemasEvolutionTest::versionOf).max(Comparator.naturalOrder()).orElseThrow();
      assertThat(versionOf(latest.getValue())).as("newest published %s", name).isEqualTo(newestKept);
      assertThat(published(latest.getValue()).getFullName()).isEqualTo(latest.getKey().getFullName());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("published")
  void currentSchemaReadsRecordsOfThePublishedVersion(String file) {
    Schema old = published(file);
    Schema current = current(old);

    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, old).getType())
        .as("current %s reading %s", current.getName(), file)
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("published")
  void publishedVersionReadsRecordsOfTheCurrentSchema(String file) {
    Schema old = published(file);
    var result = SchemaCompatibility.checkReaderWriterCompatibility(old, current(old));

    if (!FORWARD_BREAKS.containsKey(file)) {
      assertThat(result.getType()).as("%s reading the current schema's records: %s", file, result.getDescription())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
      return;
    }
    assertThat(result.getResult().getIncompatibilities()).singleElement().satisfies(i -> {
      assertThat(i.getType()).isEqualTo(SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE);
      assertThat(i.getMessage()).isEqualTo(FORWARD_BREAKS.get(file));
    });
  }

  @Test
  void theEarlierKeptVersionsReallyPrecedeTheFieldsAddedSince() {
    assertThat(published("RawArticle-1.avsc").getField("revision")).isNull();
    assertThat(published("EnrichedArticle-2.avsc").getField("years")).isNull();
    assertThat(published("StorySnapshot-2.avsc").getField("articleCount")).isNull();
    assertThat(fingerprints(published("EnrichedArticle-4.avsc")).getField("simHash").schema().getType())
        .isEqualTo(Schema.Type.LONG);
    assertThat(fingerprints(EnrichedArticle.getClassSchema()).getField("simHash")).isNull();
  }

  private static Schema fingerprints(Schema enriched) {
    return enriched.getField("fingerprints").schema();
  }

  private static Schema current(Schema published) {
    return LATEST_PUBLISHED.keySet().stream().filter(s -> s.getFullName().equals(published.getFullName()))
        .findFirst().orElseThrow(() -> new AssertionError(published.getFullName() + " is not a public schema"));
  }

  private static int versionOf(String file) {
    return Integer.parseInt(file.substring(file.lastIndexOf('-') + 1, file.length() - ".avsc".length()));
  }

  static Schema published(String name) {
    try (InputStream in = PublishedSchemasEvolutionTest.class.getResourceAsStream("/published/" + name)) {
      assertThat(in).as("published/" + name).isNotNull();
      // Their shared types are those of the common folder, unchanged since the first commit.
      return new Schema.Parser()
          .addTypes(List.of(ArticleRole.getClassSchema(), EntityType.getClassSchema(), EntityRef.getClassSchema()))
          .parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
