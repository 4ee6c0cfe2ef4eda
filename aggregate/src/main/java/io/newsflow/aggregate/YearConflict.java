package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an article and a story name different years: the same kind of event in another year (ECB+'s
 * look-alikes: an emergency browser patch of 2008 and one of 2013, ADR 23). Only a conflict when both
 * name years and share none; an article without a year says nothing.
 */
final class YearConflict {
  private static final Pattern YEAR = Pattern.compile("(?<![\\p{L}\\p{N}.,])(19|20)\\d\\d(?![\\p{L}\\p{N}]|[.,]\\d)");

  /** The article last asked about: every candidate story of one article is scored in a row. */
  private String lastArticleId;
  private List<Integer> lastYears = List.of();

  /** Years 1900-2099 standing alone in {@code text} (not inside a longer number or word), ascending. */
  static List<Integer> years(CharSequence text) {
    TreeSet<Integer> years = new TreeSet<>();
    Matcher m = YEAR.matcher(text);
    while (m.find()) {
      years.add(Integer.parseInt(m.group()));
    }
    return new ArrayList<>(years);
  }

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

  double conflict(EnrichedArticle article, List<Integer> storyYears) {
    if (!article.getArticleId().toString().equals(lastArticleId)) {
      lastYears = years(article.getCleanText());
      lastArticleId = article.getArticleId().toString();
    }
    return conflict(lastYears, storyYears);
  }
}
