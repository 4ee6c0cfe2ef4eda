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
  void yearsAreFourDigitNumbersFrom1900To2099StandingAlone() {
    String text = "September 18th, 2013, 05:31 GMT. The flaw, first seen in 2012 (and again in 2013), "
        + "cost $2013.50 or 12013 users; 1899 and 2100 are no years here, nor is ID2008 or 2008a or 3.2009.";

    assertThat(YearConflict.years(text)).containsExactly(2012, 2013);
  }

  /** The scan against the regular expression it replaced, on random text made of the characters that matter. */
  @Test
  void theScanFindsWhatTheRegularExpressionFinds() {
    java.util.regex.Pattern year = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}.,])(19|20)\\d\\d(?![\\p{L}\\p{N}]|[.,]\\d)");
    String alphabet = "0123456789012901290 .,-/ae\u00e9\u00b2\u2166\u0663(";
    java.util.Random random = new java.util.Random(2026);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      java.util.TreeSet<Integer> expected = new java.util.TreeSet<>();
      java.util.regex.Matcher m = year.matcher(text);
      while (m.find()) {
        expected.add(Integer.parseInt(m.group()));
      }
      assertThat(YearConflict.years(text)).as("'%s'", text).containsExactlyElementsOf(expected);
    }
    assertThat(YearConflict.years("\u00e92013 x2013 2013x \u00b22013 2013\u2166 (1999), 2001.5 2002. 2003,x"))
        .containsExactly(1999, 2002, 2003);
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
  void anArticleIsComparedByTheYearsOfItsText() {
    EnrichedArticle patch2013 = Articles.article("a2", "wire", "Microsoft patches Internet Explorer",
        Instant.parse("2013-09-18T00:00:00Z"), "h2", Articles.signature(2), Articles.terms("patch", "1.0"), List.of());
    patch2013.setCleanText("Reuters Sep 18, 2013: Microsoft released an emergency fix.");
    EnrichedArticle undated = Articles.article("a3", "wire", "Microsoft patches Internet Explorer",
        Instant.parse("2013-09-18T00:00:00Z"), "h3", Articles.signature(3), Articles.terms("patch", "1.0"), List.of());
    YearConflict conflict = new YearConflict();

    assertThat(conflict.conflict(patch2013, List.of(2008))).isEqualTo(1.0);
    assertThat(conflict.conflict(patch2013, List.of(2008, 2013))).isZero();
    assertThat(conflict.conflict(undated, List.of(2008))).isZero();
  }

  @Test
  void storyBookCarriesYearsThroughFoundAddAndMerge() {
    ClusteringSettings defaults = ClusteringSettings.defaults();
    ClusteringSettings settings = withYearConflict(defaults, 0.25);
    ClusteringSettings off = withYearConflict(defaults, 0);
    StoryBook book = new StoryBook(settings);
    EnrichedArticle first = Articles.article("b1", "wire", "Quake hits Qeshm", Instant.parse("2005-11-27T00:00:00Z"),
        "k1", Articles.signature(4), Articles.terms("quake", "1.0"), List.of());
    first.setCleanText("November 27, 2005: a quake hit Qeshm.");
    EnrichedArticle second = Articles.article("b2", "wire", "Quake toll rises", Instant.parse("2005-11-28T00:00:00Z"),
        "k2", Articles.signature(5), Articles.terms("quake", "1.0"), List.of());
    second.setCleanText("The island was hit in 1990 and 2005.");
    EnrichedArticle other = Articles.article("b3", "wire", "Quake in Iran", Instant.parse("2005-11-29T00:00:00Z"),
        "k3", Articles.signature(6), Articles.terms("quake", "1.0"), List.of());
    other.setCleanText("Also in 2003.");

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
