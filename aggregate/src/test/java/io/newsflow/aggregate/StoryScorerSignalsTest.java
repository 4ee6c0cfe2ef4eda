package io.newsflow.aggregate;

import static io.newsflow.schemas.avro.EntityType.LOCATION;
import static io.newsflow.schemas.avro.EntityType.ORGANIZATION;
import static io.newsflow.schemas.avro.EntityType.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryScorerSignalsTest {
  @org.junit.jupiter.api.BeforeAll
  static void trustAvro() {
    io.newsflow.schemas.serde.AvroTrust.trustGeneratedClasses();
  }

  private static final Instant T = Instant.parse("2013-09-16T00:00:00Z");
  private static final int PERSONS = ScoreWeights.SETTINGS.indexOf("aggregate.weight.persons");
  private static final int PLACES = ScoreWeights.SETTINGS.indexOf("aggregate.weight.places");
  private static final int ORGANIZATIONS = ScoreWeights.SETTINGS.indexOf("aggregate.weight.organizations");
  private static final int ENTITIES = ScoreWeights.SETTINGS.indexOf("aggregate.weight.entities");
  private static final int RARE = ScoreWeights.SETTINGS.indexOf("aggregate.weight.rare-entities");
  private static final int SIZE = ScoreWeights.SETTINGS.indexOf("aggregate.weight.story-size");

  private final ClusteringSettings settings = ClusteringSettings.defaults();
  private final InMemoryStoryIndex stats = new InMemoryStoryIndex(8);

  private static EnrichedArticle article(String id, String title, List<io.newsflow.schemas.avro.Entity> entities) {
    return Articles.article(id, "wire", title, T, "h" + id, Articles.signature(id.hashCode()),
        Articles.terms("climber", "0.8", "fall", "0.6"), entities);
  }

  private EnrichedArticle counted(EnrichedArticle a) {
    stats.countDocument(Instant.EPOCH, IndexKeys.statistics(a));
    return a;
  }

  @Test
  void entitySharesAreSplitByTypeAndSharedNamesFewArticlesUseAreRare() {
    StoryState story = new StoryBook(settings).found(counted(article("a1", "Climber falls on Mount Cook",
        List.of(Articles.entity("Robert Buckley", PERSON, 0.6), Articles.entity("Alpine Club", ORGANIZATION, 0.4)))))
        .state();
    EnrichedArticle next = counted(article("a2", "British climber dies",
        List.of(Articles.entity("Robert Buckley", PERSON, 0.5), Articles.entity("Mount Cook", LOCATION, 0.5))));

    double[] s = new StoryScorer(settings).prepare(next, stats).signals(story);

    assertThat(s[PERSONS]).isEqualTo(1.0);
    assertThat(s[PLACES]).isZero();
    assertThat(s[ORGANIZATIONS]).as("the article names no organisation").isZero();
    assertThat(s[ENTITIES]).isStrictlyBetween(0.0, 1.0);
    // One shared name, Buckley, named by two articles so far: rare, one of the three counted.
    assertThat(s[RARE]).isCloseTo(1.0 / 3, within(1e-12));

    for (int i = 0; i < StoryScorer.RARE_ENTITY_ARTICLES; i++) {
      counted(article("x" + i, "Other", List.of(Articles.entity("Robert Buckley", PERSON, 0.5))));
    }
    assertThat(new StoryScorer(settings).prepare(next, stats).signals(story)[RARE])
        .as("a name six articles use is no longer rare").isZero();
  }

  @Test
  void theSizePenaltyGrowsWithTheStoryAndIsOneAtFiftyArticles() {
    StoryBook book = new StoryBook(settings);
    EnrichedArticle first = counted(article("s0", "Quake", List.of()));
    StoryState story = book.found(first).state();
    StoryScorer.Prepared next = new StoryScorer(settings).prepare(counted(article("n", "Quake again", List.of())), stats);
    double one = next.signals(story)[SIZE];
    for (int i = 1; i < 50; i++) {
      story = book.add(story, article("s" + i, "Quake " + i, List.of()),
          new Assignment(story.getSnapshot().getStoryId(), ArticleRole.NEW_REPORT, 0.5)).state();
    }

    assertThat(one).isCloseTo(-Math.log(2) / Math.log(50), within(1e-12));
    assertThat(next.signals(story)[SIZE]).isCloseTo(-Math.log(51) / Math.log(50), within(1e-12));
  }

  @Test
  void theScoreIsTheWeightedSumOfTheSignals() {
    StoryState story = new StoryBook(settings).found(counted(article("a1", "Climber falls",
        List.of(Articles.entity("Robert Buckley", PERSON, 0.6))))).state();
    EnrichedArticle next = counted(article("a2", "Climber dies", List.of(Articles.entity("Robert Buckley", PERSON, 0.5))));
    double[] w = settings.weights().toArray();
    double[] s = new StoryScorer(settings).prepare(next, stats).signals(story);
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += w[i] * s[i];
    }

    assertThat(new StoryScorer(settings).score(next, story, stats)).isCloseTo(sum, within(1e-12));
    assertThat(s[ScoreWeights.SETTINGS.indexOf("aggregate.weight.terms")]).as("same top terms").isCloseTo(1.0, within(1e-9));
  }
}
