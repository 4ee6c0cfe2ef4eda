package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Marked headline subjects of an article against a story's (ADR 40), on hand-made results reports and follow-ups. */
class SubjectConflictTest {
  @BeforeAll
  static void trustAvro() {
    io.newsflow.schemas.serde.AvroTrust.trustGeneratedClasses();
  }

  private static final Instant T = Instant.parse("1987-03-02T00:00:00Z");

  private final ClusteringSettings settings = ClusteringSettings.defaults();

  /** A results table: every report has the same terms, only the marked company differs. */
  private static EnrichedArticle report(String id, List<String> subjects, List<String> marked) {
    EnrichedArticle a = Articles.article(id, "wire", "X YEAR NET", T, "h" + id, Articles.signature(id.hashCode()),
        Articles.terms("shr", "0.6", "net", "0.6", "revs", "0.5"), List.of());
    a.setSubjects(subjects);
    a.setMarkedNames(marked);
    return a;
  }

  private StoryState story(EnrichedArticle... members) {
    StoryBook book = new StoryBook(settings);
    StoryState state = book.found(members[0]).state();
    for (int i = 1; i < members.length; i++) {
      state = book.add(state, members[i], new Assignment("s", ArticleRole.NEW_REPORT, 2.0)).state();
    }
    return state;
  }

  @Test
  void anotherCompanysMarkedReportIsAnotherSubject() {
    StoryState cobanco = story(report("c1", List.of("CBCO"), List.of("CBCO")));

    assertThat(SubjectConflict.between(report("g1", List.of("GEL"), List.of("GEL")), cobanco)).isTrue();
    assertThat(SubjectConflict.between(report("c2", List.of("CBCO"), List.of("CBCO")), cobanco))
        .as("the same company's next report").isFalse();
  }

  @Test
  void whereBothHeadlinesMarkCompaniesTheyMustShareOne() {
    StoryState texaco = story(report("t1", List.of("TX"), List.of("TX", "PZL")));

    assertThat(SubjectConflict.between(report("p1", List.of("PZL"), List.of("PZL")), texaco))
        .as("the story's body names the article's subject, but its headline is about another").isTrue();
    assertThat(SubjectConflict.between(report("p2", List.of("USAIR"), List.of("USAIR", "TX")), texaco))
        .as("the article's body names the story's subject, but its headline is about another").isTrue();
    assertThat(SubjectConflict.between(report("t2", List.of("TX.N"), List.of("TX")), texaco)).isFalse();

    StoryState bid = story(report("b1", List.of("TX", "PZL"), List.of("TX", "PZL")));
    assertThat(SubjectConflict.between(report("p3", List.of("PZL"), List.of("PZL")), bid))
        .as("a follow-up about the target of a headline marking bidder and target").isFalse();
    assertThat(SubjectConflict.between(report("g1", List.of("GE", "TX"), List.of("GE", "TX")), texaco))
        .as("one of the article's headline subjects is the story's").isFalse();
  }

  @Test
  void whereNeitherHeadlineMarksASubjectThereIsNoConflict() {
    StoryState unmarked = story(report("u1", List.of(), List.of()));
    assertThat(SubjectConflict.between(report("u2", List.of(), List.of()), unmarked)).isFalse();
    assertThat(SubjectConflict.between(report("u3", List.of(), List.of("CBCO")), unmarked)).isFalse();
  }

  @Test
  void whereOneHeadlineMarksASubjectOnlyAMarkLinksThem() {
    StoryState unmarkedNamingGelco = story(report("u1", List.of(), List.of("GEL")));
    StoryState unmarkedNamingOthers = story(report("u2", List.of(), List.of("CBCO")));
    EnrichedArticle gelco = report("g1", List.of("GEL"), List.of("GEL"));
    assertThat(SubjectConflict.between(gelco, unmarkedNamingGelco)).as("the story's text marks the article's subject")
        .isFalse();
    assertThat(SubjectConflict.between(gelco, unmarkedNamingOthers)).isTrue();

    StoryState cobanco = story(report("c1", List.of("CBCO"), List.of("CBCO")));
    assertThat(SubjectConflict.between(report("u3", List.of(), List.of("CBCO")), cobanco))
        .as("the article's text marks the story's subject").isFalse();
    assertThat(SubjectConflict.between(report("u4", List.of(), List.of()), cobanco)).isTrue();
  }

  @Test
  void aTickerIsComparedWithoutItsExchange() {
    StoryState crazyEddie = story(report("e1", List.of("CRZY"), List.of("CRZY")));
    assertThat(SubjectConflict.between(report("e2", List.of("CRZY.O"), List.of("CRZY.O")), crazyEddie)).isFalse();
    assertThat(SubjectConflict.keys(List.of("POC.TO", "POC", "G.T.C. GROUP", "GEL.N"))).containsExactly("POC",
        "G.T.C. GROUP", "GEL");
  }

  @Test
  void aStoryKeepsItsMembersSubjectsAndMarkedNamesBoundedFirstSeenFirst() {
    StoryState story = story(report("a", List.of("A"), List.of("A", "X")), report("b", List.of("B"), List.of("B", "A")));
    assertThat(story.getSubjects()).containsExactly("A", "B");
    assertThat(story.getMarkedNames()).containsExactly("A", "X", "B");

    assertThat(SubjectConflict.union(List.of("A", "B"), List.of("C.O", "D", "E"), 4)).containsExactly("A", "B", "C", "D");
    List<String> full = List.of("A", "B");
    assertThat(SubjectConflict.union(full, List.of("C"), 2)).isSameAs(full);
  }

  @Test
  void aConflictingReportMustClearTheSubjectMarginToJoin() {
    for (double margin : new double[] {0, 100}) {
      StoryClusterer clusterer = new StoryClusterer(settings.withSubjectMargin(margin));
      InMemoryStoryIndex index = new InMemoryStoryIndex(8);
      String cobanco = clusterer.accept(report("c1", List.of("CBCO"), List.of("CBCO")), index).storyId();

      assertThat(clusterer.accept(report("c2", List.of("CBCO"), List.of("CBCO")), index).storyId())
          .as("the same company's next report, margin %s", margin).isEqualTo(cobanco);
      String gelco = clusterer.accept(report("g1", List.of("GEL"), List.of("GEL")), index).storyId();
      if (margin == 0) {
        assertThat(gelco).as("the same table of another company joins without the rule").isEqualTo(cobanco);
      } else {
        assertThat(gelco).as("another company's report founds its own story").isNotEqualTo(cobanco);
      }
    }
  }
}
