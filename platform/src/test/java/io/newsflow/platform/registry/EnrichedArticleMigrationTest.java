package io.newsflow.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * EnrichedArticle 5 (the SimHash as a hex string, ADR 33) after the published version 4, as the registry decides:
 * accepted at its default level, BACKWARD; refused at FORWARD and FULL, which the ADR says consumers with
 * generated classes of version 4 meet.
 */
class EnrichedArticleMigrationTest {
  @Test
  void theRegistryAcceptsVersionFiveAfterFourAtItsDefaultLevel() throws IOException {
    SortedMap<Integer, Schema> registered = new TreeMap<>();
    registered.put(4, published("EnrichedArticle-4.avsc"));
    Schema current = EnrichedArticle.getClassSchema();

    assertThat(CompatibilityLevel.DEFAULT).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(CompatibilityLevel.BACKWARD.incompatibilities(current, registered)).isEmpty();
    assertThat(CompatibilityLevel.FULL.incompatibilities(current, registered)).singleElement().asString()
        .contains("version 4 reading new schema").contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("simHash");
  }

  private static Schema published(String name) throws IOException {
    try (InputStream in = EnrichedArticleMigrationTest.class.getResourceAsStream("/published/" + name)) {
      assertThat(in).as("published/" + name + " from the schemas test jar").isNotNull();
      return new Schema.Parser()
          .addTypes(List.of(ArticleRole.getClassSchema(), EntityType.getClassSchema(), EntityRef.getClassSchema()))
          .parse(in);
    }
  }
}
