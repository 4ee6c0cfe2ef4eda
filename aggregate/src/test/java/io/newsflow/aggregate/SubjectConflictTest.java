package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The headline subject of an article against a story's (ADR 35), on hand-made results reports and follow-ups. */
class SubjectConflictTest {
  @BeforeAll
  static void trustAvro() {
    io.newsflow.schemas.serde.AvroTrust.trustGeneratedClasses();
  }

  private static final Instant T = Instant.parse("1987-03-02T00:00:00Z");

  private final ClusteringSettings settings = ClusteringSettings.defaults();
  private final InMemoryStoryIndex stats = new InMemoryStoryIndex(8);

  private EnrichedArticle counted(String id, String title, String... terms) {
    EnrichedArticle a = Articles.article(id, "wire", title, T, "h" + id, Articles.signature(id.hashCode()),
        Articles.terms(terms), List.of());
    stats.countDocument(Instant.EPOCH, IndexKeys.statistics(a));
    return a;
  }

  private StoryState story(EnrichedArticle founder) {
    return new StoryBook(settings).found(founder).state();
  }

  private boolean conflict(EnrichedArticle article, StoryState story) {
    return new StoryScorer(settings).prepare(article, stats).subjectConflict(story);
  }

  @Test
  void anotherCompanysResultsReportIsAnotherSubject() {
    // Results words are common, company names rare: each report's subject is its company.
    for (int i = 0; i < 5; i++) {
      counted("o" + i, "Other Corp " + i + " qtr net", "qtr", "0.5", "net", "0.5", "shr", "0.5");
    }
    StoryState cobanco = story(counted("c1", "COBANCO INC YEAR NET", "cobanco", "0.5", "net", "0.5", "shr", "0.5"));

    assertThat(conflict(counted("g1", "GELCO CORP YEAR NET", "gelco", "0.5", "net", "0.5", "shr", "0.5"), cobanco))
        .isTrue();
    assertThat(conflict(counted("g2", "GELCO CORP SELLS PAPER MILL", "gelco", "0.5", "mill", "0.5"), cobanco))
        .as("another kind of report: its headline shares no other word").isFalse();
    assertThat(conflict(counted("c2", "COBANCO INC 4TH QTR NET", "cobanco", "0.5", "net", "0.5", "shr", "0.5"), cobanco))
        .as("the same company's other report").isFalse();
  }

  @Test
  void aFollowUpNamingTheSubjectInItsTextIsNoConflict() {
    for (int i = 0; i < 5; i++) {
      counted("o" + i, "Police say shooting " + i, "police", "0.5", "shooting", "0.5");
    }
    StoryState story = story(counted("s1", "Lohan enters rehab", "lohan", "0.6", "rehab", "0.6", "police", "0.3"));

    assertThat(conflict(counted("s2", "Betty Ford clinic admits actress", "betty", "0.5", "lohan", "0.5", "rehab", "0.4"),
        story)).as("the story's subject is among the article's terms").isFalse();
    assertThat(conflict(counted("s3", "Tara Reid enters rehab", "reid", "0.6", "rehab", "0.6", "tara", "0.3"), story))
        .as("another star, named nowhere in the story").isTrue();
  }

  @Test
  void theSubjectIsTheHeadlinesRarestTermTiesByTheWord() {
    counted("a", "x", "net", "1", "qtr", "1");
    counted("b", "y", "net", "1", "gelco", "1");
    counted("c", "z", "net", "1", "qtr", "1");

    assertThat(StoryScorer.rarest(StoryScorer.titleWords("GELCO CORP QTR NET"), stats))
        .as("corp is no article's term").isEqualTo("gelco");
    assertThat(StoryScorer.rarest(StoryScorer.titleWords("AMCO QTR NET"), stats)).isEqualTo("qtr");
    assertThat(StoryScorer.rarest(StoryScorer.titleWords("the corp"), stats)).isEmpty();
    assertThat(StoryScorer.leadingWords("The GELCO CORP 2ND QTR NET")).containsExactlyInAnyOrder("gelco", "corp");
  }
}
