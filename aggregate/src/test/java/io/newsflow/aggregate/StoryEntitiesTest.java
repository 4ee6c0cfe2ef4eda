package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.serde.AvroTrust;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A story keeps its most mentioned entities only, so scoring a candidate costs the same however long it runs. */
class StoryEntitiesTest {

  @BeforeAll
  static void trustAvroClasses() {
    AvroTrust.trustGeneratedClasses();
  }

  private static Entity mentioned(String name, int mentions) {
    return new Entity(name, EntityType.PERSON, List.of(name), mentions, 0.5);
  }

  @Test
  void keepsTheMostMentionedEntitiesUpToTheBound() {
    List<EntityRef> story = List.of();
    // Many single-mention names, as a long story collects them, then a few repeated ones.
    for (int article = 0; article < 50; article++) {
      List<Entity> added = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        added.add(mentioned("Bystander " + article + "-" + i, 1));
      }
      added.add(mentioned("Main Person", 2));
      story = StoryBook.mergeEntities(story, added);
    }
    story = StoryBook.mergeEntities(story, List.of(mentioned("Late Star", 40)));

    assertThat(story).hasSize(StoryBook.STORY_ENTITIES);
    assertThat(story.get(0).getName()).isEqualTo("Main Person");
    assertThat(story.get(0).getMentions()).isEqualTo(100);
    assertThat(story.get(1).getName()).isEqualTo("Late Star");
    assertThat(story).isSortedAccordingTo((a, b) -> Integer.compare(b.getMentions(), a.getMentions()));
  }

  @Test
  void smallStoriesKeepEveryEntity() {
    List<EntityRef> story = StoryBook.mergeEntities(List.of(),
        List.of(mentioned("A", 1), mentioned("B", 3), mentioned("A", 1)));

    assertThat(story).extracting(EntityRef::getName).containsExactly("B", "A");
    assertThat(story).extracting(EntityRef::getMentions).containsExactly(3, 2);
  }
}
