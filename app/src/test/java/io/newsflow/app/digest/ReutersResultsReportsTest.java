package io.newsflow.app.digest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.SubjectConflict;
import io.newsflow.app.stories.ResultsReports;
import io.newsflow.app.stories.ResultsReports.MixedStory;
import io.newsflow.platform.SharedData;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reuters through the aggregate with the default settings, as {@code run} would put it into stories, and
 * the stories that chain different companies' results reports ({@link ResultsReports}). Issue 21 asks for at
 * most 5; the bound is what the shipped code measures, so the count cannot grow unnoticed. Reports are
 * found in the headlines as published ("&lt;IVACO INC&gt; YEAR NET"), not as enrich cleaned them: the count
 * must not move when enrich's cleaning does. Measured so with the code of ADR 35 (subject rule off): 89 of the
 * 101 stories holding two or more reports mix companies; the enriched headlines, which had lost their
 * bracketed names ("YEAR NET"), showed only 66 of 73. With those names kept in the headlines (ADR 36): 91 of 106,
 * largest 62 reports. With article and story joined only through a marked company where either headline marks
 * one (ADR 40): 8 of 105, largest 3 reports (8 of 103 with the idf prior of ADR 42); five of them joined companies
 * the wire links in a body (a parent's report marks its subsidiary). With two marking headlines required to share a
 * company (ADR 43): 3 of 98, largest 2 reports; two pairs of headlines mark nothing, one is a near copy. Enriched and
 * replayed as {@link StoryDigestTest} does:
 * single partition, about 5 minutes on a quiet machine.
 */
class ReutersResultsReportsTest {
  /** Measured (ADR 43); issue 21's target is 5. */
  static final int MAX_MIXED = 3;

  @TempDir Path stateDir;

  @Test
  void fewStoriesMixDifferentCompaniesResults() throws Exception {
    // The headlines as published: which company a report is about must not depend on the enrich code under test.
    Map<String, String> titles = new HashMap<>();
    List<EnrichedArticle> articles = StoryDigestTest.enriched(SharedData.path("reuters-21578"), null, titles);

    List<MixedStory> mixed = mixed(articles, titles, ClusteringSettings.defaults());
    // -Dreuters.subject-margins=0,1 also measures other settings of the subject rule (ADR 40) on the same articles.
    for (String margin : System.getProperty("reuters.subject-margins", "").split(",")) {
      if (!margin.isBlank()) {
        mixed(articles, titles, ClusteringSettings.defaults().withSubjectMargin(Double.parseDouble(margin.strip())));
      }
    }
    assertThat(mixed).hasSizeLessThanOrEqualTo(MAX_MIXED);
  }

  private List<MixedStory> mixed(List<EnrichedArticle> articles, Map<String, String> titles, ClusteringSettings settings)
      throws Exception {
    StoryDigestTest.Digest replayed = StoryDigestTest.replay(articles, settings,
        stateDir.resolve(Integer.toString(settings.hashCode())));
    Map<String, String> storyOf = replayed.storyOf();
    List<MixedStory> mixed = ResultsReports.mixedStories(storyOf, titles);
    System.out.printf(Locale.ROOT, "reuters, subject margin %s: %s; %d stories hold two or more results reports, %d mix "
            + "companies, largest %s; %s%n", settings.subjectMargin(), replayed.summary(),
        ResultsReports.storiesWithReports(storyOf, titles), mixed.size(), mixed.isEmpty() ? "none" : mixed.get(0),
        markedPairs(articles, storyOf));
    return mixed;
  }

  /**
   * Pairs of articles in one story whose headlines both mark companies, by whether the two share one: the pairs
   * of one company a subject rule must keep, and those of two it may split (ADR 43). All of Reuters, not only results.
   */
  private static String markedPairs(List<EnrichedArticle> articles, Map<String, String> storyOf) {
    Map<String, List<Set<String>>> subjectsByStory = new HashMap<>();
    for (EnrichedArticle a : articles) {
      if (!a.getSubjects().isEmpty()) {
        subjectsByStory.computeIfAbsent(storyOf.get(a.getArticleId()), k -> new ArrayList<>())
            .add(new HashSet<>(SubjectConflict.keys(a.getSubjects())));
      }
    }
    long shared = 0;
    long disjoint = 0;
    for (List<Set<String>> members : subjectsByStory.values()) {
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          if (Collections.disjoint(members.get(i), members.get(j))) {
            disjoint++;
          } else {
            shared++;
          }
        }
      }
    }
    return String.format(Locale.ROOT, "pairs in one story whose headlines mark companies: %d share one, %d do not",
        shared, disjoint);
  }
}
