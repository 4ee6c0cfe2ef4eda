package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.WeightedTerm;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The details signal (ADR 28): the story sums its articles' detail terms, and the article is compared with that sum. */
class StoryDetailsTest {
  @BeforeAll
  static void trustAvro() {
    io.newsflow.schemas.serde.AvroTrust.trustGeneratedClasses();
  }

  private static final Instant T = Instant.parse("2008-12-13T00:00:00Z");
  private static final int DETAILS = ScoreWeights.SETTINGS.indexOf("aggregate.weight.details");

  private final ClusteringSettings settings = ClusteringSettings.defaults();
  private final StoryBook book = new StoryBook(settings);
  private final InMemoryStoryIndex stats = new InMemoryStoryIndex(8);

  private static EnrichedArticle article(String id, String hash, String... details) {
    EnrichedArticle a = Articles.article(id, "wire", "Coach " + id, T, hash, Articles.signature(id.hashCode()),
        Articles.terms("coach", "1.0"), List.of());
    return EnrichedArticle.newBuilder(a).setDetailTerms(Articles.terms(details)).build();
  }

  private static StoryState add(StoryBook book, StoryState story, EnrichedArticle a, ArticleRole role) {
    return book.add(story, a, new Assignment(story.getSnapshot().getStoryId(), role, 1.0)).state();
  }

  private static Map<String, Double> byTerm(List<WeightedTerm> terms) {
    return terms.stream().collect(Collectors.toMap(WeightedTerm::getTerm, WeightedTerm::getWeight));
  }

  @Test
  void theStorySumsItsArticlesDetailsAndTheSignalIsTheCosineWithThatSum() {
    StoryState story = book.found(article("a1", "h1", "cheeks", "0.6", "sixers", "0.8")).state();
    story = add(book, story, article("a2", "h2", "cheeks", "0.8", "brien", "0.6"), ArticleRole.NEW_REPORT);

    assertThat(byTerm(story.getDetails())).containsOnlyKeys("cheeks", "sixers", "brien");
    assertThat(byTerm(story.getDetails()).get("cheeks")).isCloseTo(1.4, within(1e-12));

    double signal = new StoryScorer(settings).prepare(article("n", "h3", "cheeks", "1.0"), stats).signals(story)[DETAILS];
    assertThat(signal).isCloseTo(1.4 / Math.sqrt(1.4 * 1.4 + 0.8 * 0.8 + 0.6 * 0.6), within(1e-12));
    assertThat(new StoryScorer(settings).prepare(article("m", "h4", "dileo", "1.0"), stats).signals(story)[DETAILS])
        .as("no detail in common").isZero();
    assertThat(new StoryScorer(settings).prepare(article("e", "h5"), stats).signals(story)[DETAILS])
        .as("an article without details").isZero();
  }

  @Test
  void anExactCopyAddsNoDetailsAndAMergeSumsBothStories() {
    StoryState story = book.found(article("a1", "h1", "cheeks", "1.0")).state();
    story = add(book, story, article("copy", "h1", "cheeks", "1.0"), ArticleRole.EXACT_DUPLICATE);
    assertThat(byTerm(story.getDetails())).containsExactlyEntriesOf(Map.of("cheeks", 1.0));

    StoryState younger = book.found(article("b1", "h2", "cheeks", "0.5", "dileo", "0.5")).state();
    StoryState merged = book.merge(story, younger, article("bridge", "h3")).survivor().state();
    assertThat(byTerm(merged.getDetails())).containsOnlyKeys("cheeks", "dileo");
    assertThat(byTerm(merged.getDetails()).get("cheeks")).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void aStoryKeepsItsHeaviestDetailsOnly() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < StoryBook.DETAIL_TERMS + 20; i++) {
      many.add("name" + (1000 + i));
      many.add("0.1");
    }
    many.add("heavy");
    many.add("0.9");
    StoryState story = book.found(article("a1", "h1", many.toArray(String[]::new))).state();

    assertThat(story.getDetails()).hasSize(StoryBook.DETAIL_TERMS);
    assertThat(story.getDetails().get(0).getTerm()).isEqualTo("heavy");
    assertThat(story.getDetails().get(1).getTerm()).as("ties go by term").isEqualTo("name1000");
  }

  @Test
  void withTheSignalOffAStoryKeepsNoDetails() {
    double[] w = settings.weights().toArray();
    w[DETAILS] = 0;
    StoryBook off = new StoryBook(settings.withScoring(ScoreWeights.of(w), settings.threshold()));

    StoryState story = off.found(article("a1", "h1", "cheeks", "1.0")).state();

    assertThat(story.getDetails()).isEmpty();
  }
}
