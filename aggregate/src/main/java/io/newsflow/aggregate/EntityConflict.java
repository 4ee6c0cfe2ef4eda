package io.newsflow.aggregate;

import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.EntityType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Whether an article is the same kind of event about someone else: its main person is not in the
 * story, and the story's main person is not in the article (ECB+'s look-alike events: another star
 * enters rehab, ADR 23). Persons only: follow-ups of one event move between places and agencies
 * (court, hospital, police), and penalising those cost more GVC recall than it saved ECB+ precision.
 */
final class EntityConflict {
  private static final Comparator<Entity> MOST_SALIENT =
      Comparator.comparingDouble(Entity::getSalience).reversed().thenComparing(e -> e.getName().toString());

  private EntityConflict() {}

  /**
   * The salience of the article's most salient person when neither main person (the article's by
   * salience, the story's by mentions) is named by the other side; else 0.
   */
  static double conflict(List<Entity> article, List<EntityRef> story) {
    Entity articlePerson = article.stream().filter(e -> e.getType() == EntityType.PERSON).min(MOST_SALIENT)
        .orElse(null);
    // Story entities are sorted by mentions, most first (StoryBook.mergeEntities).
    EntityRef storyPerson = story.stream().filter(e -> e.getType() == EntityType.PERSON).findFirst().orElse(null);
    if (articlePerson == null || storyPerson == null) {
      return 0;
    }
    String articleMain = key(articlePerson.getName());
    String storyMain = key(storyPerson.getName());
    boolean storyNamesArticleMain = story.stream()
        .anyMatch(e -> e.getType() == EntityType.PERSON && key(e.getName()).equals(articleMain));
    boolean articleNamesStoryMain = article.stream()
        .anyMatch(e -> e.getType() == EntityType.PERSON && key(e.getName()).equals(storyMain));
    return storyNamesArticleMain || articleNamesStoryMain ? 0 : articlePerson.getSalience();
  }

  private static String key(CharSequence name) {
    return name.toString().toLowerCase(Locale.ROOT);
  }
}
