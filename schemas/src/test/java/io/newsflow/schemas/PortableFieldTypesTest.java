package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StorySnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Public schemas hold no integer a JavaScript number cannot: avsc, behind the npm schema-registry client, refuses an
 * Avro {@code long} beyond 2^53 (ADR 33). A {@code long} is allowed as {@code timestamp-millis} (2^53 ms is year
 * 287,396) or when it is a count listed here; anything else, like a 64-bit hash, travels as a string.
 */
class PortableFieldTypesTest {
  /** Counts and offsets: at a million a second they reach 2^53 after 285 years. */
  private static final Set<String> BOUNDED_LONGS = Set.of(
      "StoryEvent.sequence", "StorySnapshot.version", "DeadLetter.offset", "DeadLetter.originalValueSize");

  @Test
  void publicSchemasHaveNoLongBeyondWhatJavaScriptHolds() {
    Set<String> longs = new TreeSet<>();
    for (Schema schema : List.of(RawArticle.getClassSchema(), EnrichedArticle.getClassSchema(),
        StoryEvent.getClassSchema(), StorySnapshot.getClassSchema(), ArticleAssignment.getClassSchema(),
        DeadLetter.getClassSchema())) {
      collectLongs(schema, schema.getName(), longs, new HashSet<>());
    }

    assertThat(longs).containsExactlyInAnyOrderElementsOf(BOUNDED_LONGS);
  }

  @Test
  void theCheckFindsALongNestedInARecord() {
    Set<String> longs = new TreeSet<>();
    Schema old = PublishedSchemasEvolutionTest.published("EnrichedArticle-4.avsc");
    collectLongs(old, old.getName(), longs, new HashSet<>());

    assertThat(longs).containsExactly("EnrichedArticle.fingerprints.simHash");
  }

  /** Paths of the plain longs (not timestamps) in {@code schema}, through records, arrays, maps and unions. */
  private static void collectLongs(Schema schema, String path, Set<String> found, Set<String> seen) {
    switch (schema.getType()) {
      case LONG -> {
        if (!(schema.getLogicalType() instanceof LogicalTypes.TimestampMillis)) {
          found.add(path);
        }
      }
      case RECORD -> {
        if (seen.add(schema.getFullName())) {
          schema.getFields().forEach(f -> collectLongs(f.schema(), path + "." + f.name(), found, seen));
        }
      }
      case ARRAY -> collectLongs(schema.getElementType(), path, found, seen);
      case MAP -> collectLongs(schema.getValueType(), path, found, seen);
      case UNION -> schema.getTypes().forEach(t -> collectLongs(t, path, found, seen));
      default -> { }
    }
  }
}
