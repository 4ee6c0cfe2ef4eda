package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class YearConflictTest {
  @org.junit.jupiter.api.BeforeAll
  static void trustAvro() {
    io.newsflow.schemas.serde.AvroTrust.trustGeneratedClasses();
  }


  @Test
  void differentYearsOnBothSidesAreAConflict() {
    assertThat(YearConflict.conflict(List.of(2013), List.of(2008))).isEqualTo(1.0);
    assertThat(YearConflict.conflict(List.of(2012, 2013), List.of(2007, 2008))).isEqualTo(1.0);
  }

  @Test
  void oneSharedYearOrNoYearOnEitherSideIsNoConflict() {
    assertThat(YearConflict.conflict(List.of(2008, 2013), List.of(2008))).isZero();
    assertThat(YearConflict.conflict(List.of(), List.of(2008))).isZero();
    assertThat(YearConflict.conflict(List.of(2013), List.of())).isZero();
  }

  @Test
  void storiesKeepTheAscendingUnionOfTheirArticlesYears() {
    assertThat(YearConflict.union(List.of(2005, 2013), List.of(2008, 2013))).containsExactly(2005, 2008, 2013);
  }

  @Test
  void anArticleIsComparedByTheYearsEnrichFoundInItsText() {
    EnrichedArticle patch2013 = Articles.article("a2", "wire", "Microsoft patches Internet Explorer",
        Instant.parse("2013-09-18T00:00:00Z"), "h2", Articles.signature(2), Articles.terms("patch", "1.0"), List.of());
    patch2013.setYears(List.of(2013));
    EnrichedArticle undated = Articles.article("a3", "wire", "Microsoft patches Internet Explorer",
        Instant.parse("2013-09-18T00:00:00Z"), "h3", Articles.signature(3), Articles.terms("patch", "1.0"), List.of());

    assertThat(YearConflict.conflict(patch2013, List.of(2008))).isEqualTo(1.0);
    assertThat(YearConflict.conflict(patch2013, List.of(2008, 2013))).isZero();
    assertThat(YearConflict.conflict(undated, List.of(2008))).isZero();
  }

  @Test
  void storyBookCarriesYearsThroughFoundAddAndMerge() {
    ClusteringSettings defaults = ClusteringSettings.defaults();
    ClusteringSettings settings = withYearConflict(defaults, 0.25);
    ClusteringSettings off = withYearConflict(defaults, 0);
    StoryBook book = new StoryBook(settings);
    EnrichedArticle first = Articles.article("b1", "wire", "Quake hits Qeshm", Instant.parse("2005-11-27T00:00:00Z"),
        "k1", Articles.signature(4), Articles.terms("quake", "1.0"), List.of());
    first.setYears(List.of(2005));
    EnrichedArticle second = Articles.article("b2", "wire", "Quake toll rises", Instant.parse("2005-11-28T00:00:00Z"),
        "k2", Articles.signature(5), Articles.terms("quake", "1.0"), List.of());
    second.setYears(List.of(1990, 2005));
    EnrichedArticle other = Articles.article("b3", "wire", "Quake in Iran", Instant.parse("2005-11-29T00:00:00Z"),
        "k3", Articles.signature(6), Articles.terms("quake", "1.0"), List.of());
    other.setYears(List.of(2003));

    var founded = book.found(first).state();
    assertThat(founded.getYears()).containsExactly(2005);
    var added = book.add(founded, second,
        new Assignment(founded.getSnapshot().getStoryId(), ArticleRole.NEW_REPORT, 0.5)).state();
    assertThat(added.getYears()).containsExactly(1990, 2005);
    var merged = book.merge(added, book.found(other).state(), other).survivor().state();
    assertThat(merged.getYears()).containsExactly(1990, 2003, 2005);
    // With the signal off nothing reads them, so no story keeps them.
    assertThat(new StoryBook(off).found(first).state().getYears()).isEmpty();
  }

  private static ClusteringSettings withYearConflict(ClusteringSettings s, double weight) {
    double[] w = s.weights().toArray();
    w[ScoreWeights.SETTINGS.indexOf("aggregate.weight.year-conflict")] = weight;
    return s.withScoring(ScoreWeights.of(w), s.threshold());
  }
}
