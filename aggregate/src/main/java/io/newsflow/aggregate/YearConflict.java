package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Whether an article and a story name different years: the same kind of event in another year (ECB+'s
 * look-alikes: an emergency browser patch of 2008 and one of 2013, ADR 23). Only a conflict when both
 * name years and share none; an article without a year says nothing. The article's years are found in
 * enrich ({@code EnrichedArticle.years}).
 */
final class YearConflict {
  private YearConflict() {}

  /** Ascending union of two ascending year lists. */
  static List<Integer> union(List<Integer> a, List<Integer> b) {
    TreeSet<Integer> all = new TreeSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }

  /** 1 when both name years and none is shared, else 0. */
  static double conflict(List<Integer> articleYears, List<Integer> storyYears) {
    if (articleYears.isEmpty() || storyYears.isEmpty()) {
      return 0;
    }
    for (Integer year : articleYears) {
      if (storyYears.contains(year)) {
        return 0;
      }
    }
    return 1;
  }

  static double conflict(EnrichedArticle article, List<Integer> storyYears) {
    return conflict(article.getYears(), storyYears);
  }
}
