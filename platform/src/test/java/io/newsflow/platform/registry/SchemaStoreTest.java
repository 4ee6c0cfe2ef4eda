package io.newsflow.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.platform.registry.LogEntry.ConfigEntry;
import io.newsflow.platform.registry.LogEntry.SchemaEntry;
import org.junit.jupiter.api.Test;

class SchemaStoreTest {
  private static final String A = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}";
  private static final String A_SPACED = "{ \"type\" : \"record\",\n \"name\":\"A\", \"fields\" : [ {\"name\":\"x\", \"type\":\"int\"} ] }";
  private static final String B = "{\"type\":\"record\",\"name\":\"B\",\"fields\":[]}";

  @Test
  void rebuildsIdsVersionsAndConfigFromLogEntries() {
    SchemaStore store = new SchemaStore();
    store.apply(new SchemaEntry("s", 1, 1, A_SPACED, false));
    store.apply(new SchemaEntry("t", 1, 1, A, false));
    store.apply(new SchemaEntry("s", 2, 5, B, false));
    store.apply(new ConfigEntry("s", CompatibilityLevel.NONE));
    store.apply(new ConfigEntry(null, CompatibilityLevel.FULL));

    assertThat(store.subjects(false)).containsExactly("s", "t");
    assertThat(store.idOf(SchemaStore.canonical(SchemaStore.parse(A_SPACED)))).contains(1);
    assertThat(store.find("s", SchemaStore.canonical(SchemaStore.parse(A)))).map(SchemaEntry::version).contains(1);
    assertThat(store.latest("s")).map(SchemaEntry::id).contains(5);
    assertThat(store.nextId()).isEqualTo(6);
    assertThat(store.nextVersion("s")).isEqualTo(3);
    assertThat(store.effectiveLevel("s")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(store.effectiveLevel("t")).isEqualTo(CompatibilityLevel.FULL);

    store.apply(new SchemaEntry("s", 1, 1, A, true));
    store.apply(new SchemaEntry("s", 2, 5, B, true));
    store.apply(new ConfigEntry("s", null));
    assertThat(store.subjects(false)).containsExactly("t");
    assertThat(store.subjects(true)).containsExactly("s", "t");
    assertThat(store.versions("s", false)).isEmpty();
    assertThat(store.nextVersion("s")).as("version numbers are not reused").isEqualTo(3);
    assertThat(store.nextId()).as("ids are not reused").isEqualTo(6);
    assertThat(store.schemaText(5)).isPresent();
    assertThat(store.subjectLevel("s")).isEmpty();
  }

  @Test
  void logRecordsRoundTripInConfluentLayout() {
    SchemaEntry schema = new SchemaEntry("s-value", 3, 7, A, true);
    assertThat(LogCodec.key(schema)).isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"s-value\",\"version\":3,\"magic\":1}");
    assertThat(LogCodec.decode(LogCodec.key(schema), LogCodec.value(schema))).contains(schema);

    ConfigEntry global = new ConfigEntry(null, CompatibilityLevel.FORWARD);
    assertThat(LogCodec.value(global)).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
    assertThat(LogCodec.decode(LogCodec.key(global), LogCodec.value(global))).contains(global);
    ConfigEntry removed = new ConfigEntry("s", null);
    assertThat(LogCodec.value(removed)).isNull();
    assertThat(LogCodec.decode(LogCodec.key(removed), null)).contains(removed);

    assertThat(LogCodec.decode("{\"keytype\":\"NOOP\",\"magic\":0}", null)).isEmpty();
    assertThatThrownBy(() -> LogCodec.decode("not json", "{}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidSchemaTextIs42201() {
    assertThatThrownBy(() -> SchemaStore.parse("{\"type\":\"record\"}"))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    assertThatThrownBy(() -> SchemaStore.parse(" "))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
  }
}
