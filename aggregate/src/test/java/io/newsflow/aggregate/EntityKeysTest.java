package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.EntityType;
import org.junit.jupiter.api.Test;

class EntityKeysTest {

  @Test
  void givesTheIndexKeyOfEachTypeAndNameAndTheSameKeyAgain() {
    EntityKeys keys = new EntityKeys();

    String chile = keys.of(EntityType.LOCATION, "Chile");

    assertThat(chile).isEqualTo("e:LOCATION:chile");
    assertThat(keys.of(EntityType.LOCATION, "Chile")).isSameAs(chile);
    assertThat(keys.of(EntityType.ORGANIZATION, "Chile")).isEqualTo("e:ORGANIZATION:chile");
  }

  @Test
  void keysStayRightPastItsCapacity() {
    EntityKeys keys = new EntityKeys();
    for (int i = 0; i <= EntityKeys.CAPACITY + 10; i++) {
      assertThat(keys.of(EntityType.PERSON, "Name " + i)).isEqualTo("e:PERSON:name " + i);
    }
    assertThat(keys.of(EntityType.PERSON, "Name 0")).isEqualTo("e:PERSON:name 0");
  }
}
