package io.newsflow.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {
  private static final Schema V1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
  /** Adds a field with a default. */
  private static final Schema V2 = SchemaBuilder.record("R").fields().requiredString("a")
      .optionalString("b").endRecord();
  /** Drops {@code a} (no default), keeps the defaulted {@code b}: reads V1 and V2 data, but they cannot read its data. */
  private static final Schema V3 = SchemaBuilder.record("R").fields().optionalString("b").endRecord();
  /** Adds a field without a default. */
  private static final Schema NO_DEFAULT = SchemaBuilder.record("R").fields().requiredString("a")
      .requiredString("c").endRecord();

  @Test
  void backwardMeansTheNewSchemaReadsTheLatest() {
    assertThat(CompatibilityLevel.BACKWARD.incompatibilities(V2, versions(V1))).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD.incompatibilities(NO_DEFAULT, versions(V1)))
        .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("version 1");
  }

  @Test
  void forwardMeansTheLatestReadsTheNewSchema() {
    assertThat(CompatibilityLevel.FORWARD.incompatibilities(NO_DEFAULT, versions(V1))).isEmpty();
    assertThat(CompatibilityLevel.FORWARD.incompatibilities(V1, versions(NO_DEFAULT))).isNotEmpty();
    assertThat(CompatibilityLevel.FULL.incompatibilities(NO_DEFAULT, versions(V1))).isNotEmpty();
    assertThat(CompatibilityLevel.FULL.incompatibilities(V2, versions(V1))).isEmpty();
  }

  @Test
  void transitiveLevelsCheckEveryVersionOthersOnlyTheLatest() {
    // Neither V1 nor V2 (as readers) can read V3 data: it lacks a, which they need without a default.
    SortedMap<Integer, Schema> history = versions(V1, V2);
    assertThat(CompatibilityLevel.BACKWARD.incompatibilities(V3, history)).isEmpty();
    assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.incompatibilities(V3, history)).hasSize(2);
    assertThat(CompatibilityLevel.FORWARD.incompatibilities(V3, history)).singleElement().asString()
        .contains("version 2");
    assertThat(CompatibilityLevel.NONE.incompatibilities(NO_DEFAULT, history)).isEmpty();
    assertThat(CompatibilityLevel.FULL_TRANSITIVE.incompatibilities(V1, new TreeMap<>())).isEmpty();
  }

  @Test
  void parsesLevelsCaseInsensitivelyAndRefusesOthersWith42203() {
    assertThat(CompatibilityLevel.parse("full_transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
    assertThatThrownBy(() -> CompatibilityLevel.parse(null)).isInstanceOf(RegistryException.class);
  }

  private static SortedMap<Integer, Schema> versions(Schema... schemas) {
    SortedMap<Integer, Schema> versions = new TreeMap<>();
    for (int i = 0; i < schemas.length; i++) {
      versions.put(i + 1, schemas[i]);
    }
    return versions;
  }
}
