package io.newsflow.aggregate;

import static io.newsflow.schemas.avro.EntityType.LOCATION;
import static io.newsflow.schemas.avro.EntityType.ORGANIZATION;
import static io.newsflow.schemas.avro.EntityType.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityConflictTest {

  private static Entity entity(String name, EntityType type, double salience) {
    return new Entity(name, type, List.of(name), 2, salience);
  }

  /** Story entities as StoryBook keeps them: most mentioned first. */
  private static EntityRef ref(String name, EntityType type, int mentions) {
    return new EntityRef(name, type, mentions);
  }

  @Test
  void anotherMainPersonOnBothSidesIsAConflictOfTheArticlePersonsSalience() {
    // Lohan enters rehab in Malibu; the story is Reid entering rehab in Malibu.
    List<Entity> article = List.of(entity("Lindsay Lohan", PERSON, 0.6), entity("Malibu", LOCATION, 0.4));
    List<EntityRef> story = List.of(ref("Tara Reid", PERSON, 8), ref("Malibu", LOCATION, 3));

    assertThat(EntityConflict.conflict(article, story)).isEqualTo(0.6);
  }

  @Test
  void theArticlesMostSalientPersonIsTheOneCompared() {
    // Lohan (0.5) is the article's main person, her lawyer (0.2) a side figure; neither is in the story.
    List<Entity> article = List.of(entity("Shawn Chapman Holley", PERSON, 0.2), entity("Lindsay Lohan", PERSON, 0.5));
    List<EntityRef> story = List.of(ref("Tara Reid", PERSON, 8));

    assertThat(EntityConflict.conflict(article, story)).isEqualTo(0.5);
  }

  @Test
  void noConflictWhenTheStoryAlreadyNamesTheArticlesMainPerson() {
    // A story about Reid that mentioned Lohan once: an article about Lohan is not about someone new to it.
    List<Entity> article = List.of(entity("Lindsay Lohan", PERSON, 0.6));
    List<EntityRef> story = List.of(ref("Tara Reid", PERSON, 8), ref("Lindsay Lohan", PERSON, 1));

    assertThat(EntityConflict.conflict(article, story)).isZero();
  }

  @Test
  void noConflictWhenTheArticleNamesTheStorysMainPerson() {
    // A follow-up led by the suspect that still names the victim the story is about.
    List<Entity> article = List.of(entity("John Smith", PERSON, 0.7), entity("Jane Doe", PERSON, 0.1));
    List<EntityRef> story = List.of(ref("Jane Doe", PERSON, 6), ref("Dayton", LOCATION, 4));

    assertThat(EntityConflict.conflict(article, story)).isZero();
  }

  @Test
  void onlyPersonsConflict_otherPlacesAndOrganisationsDoNot() {
    // Another quake elsewhere reported by another agency: place and organisation differ, no person on either side.
    List<Entity> article = List.of(entity("Chile", LOCATION, 0.8), entity("USGS", ORGANIZATION, 0.2));
    List<EntityRef> story = List.of(ref("Indonesia", LOCATION, 6), ref("BMKG", ORGANIZATION, 3));

    assertThat(EntityConflict.conflict(article, story)).isZero();
  }

  @Test
  void aSideWithoutPersonsConflictsWithNothing() {
    List<Entity> article = List.of(entity("Lindsay Lohan", PERSON, 0.6));
    assertThat(EntityConflict.conflict(article, List.of(ref("Malibu", LOCATION, 3)))).isZero();
    assertThat(EntityConflict.conflict(List.of(entity("Malibu", LOCATION, 1.0)), List.of(ref("Tara Reid", PERSON, 3))))
        .isZero();
  }

  @Test
  void namesMatchWhateverTheirCase() {
    List<Entity> article = List.of(entity("TARA REID", PERSON, 1.0));
    List<EntityRef> story = List.of(ref("Tara Reid", PERSON, 3));

    assertThat(EntityConflict.conflict(article, story)).isZero();
  }

  @Test
  void theScoreLosesTheConflictWeightTimesTheConflict() {
    Instant t = Instant.parse("2009-01-01T00:00:00Z");
    EnrichedArticle founder = Articles.article("a1", "wire", "Tara Reid enters rehab", t, "h1", Articles.signature(1),
        Articles.terms("rehab", "1.0"), List.of(entity("Tara Reid", PERSON, 0.8)));
    EnrichedArticle other = Articles.article("a2", "wire", "Lindsay Lohan enters rehab", t, "h2", Articles.signature(2),
        Articles.terms("rehab", "1.0"), List.of(entity("Lindsay Lohan", PERSON, 0.7)));
    ClusteringSettings plain = ClusteringSettings.defaults().withScoring(new ScoreWeights(1.0, 0.3, 0.15, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0.35);
    StoryState story = new StoryBook(plain).found(founder).state();
    InMemoryStoryIndex stats = new InMemoryStoryIndex(8);
    stats.countDocument(Instant.EPOCH, IndexKeys.statistics(founder));
    stats.countDocument(Instant.EPOCH, IndexKeys.statistics(other));

    double without = new StoryScorer(plain).score(other, story, stats);
    double with = new StoryScorer(plain.withScoring(new ScoreWeights(1.0, 0.3, 0.15, 0, 0.25, 0, 0, 0, 0, 0, 0, 0), 0.35)).score(other, story, stats);

    // Same words, another person: 0.25 x Lohan's salience 0.7.
    assertThat(without - with).isCloseTo(0.25 * 0.7, org.assertj.core.api.Assertions.within(1e-9));
  }
}
