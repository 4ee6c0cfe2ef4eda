package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether an article and a story are about different subjects, as the wire marks them (ADR 40). Reuters marks
 * the companies it writes about in angle brackets ("COBANCO INC &lt;CBCO&gt; YEAR NET"); two companies' results
 * reports or dividends share every word but the company's, so terms cannot tell them apart, and the marks can.
 * Where both headlines mark companies, they must share one: a headline's mark is what the article is about, and
 * a parent's report naming its unit in the body is still the parent's (ADR 43). A follow-up about a bidder and
 * its target marks both. Where only one headline marks a company, article and story belong together only through
 * a mark: the article marks one of the story's headline subjects, headline or body, or the story's articles mark
 * one of the article's (ADR 40). Where neither headline marks anything there is no conflict, so text without
 * marks (ECB+, GVC, BBC) is never in conflict.
 */
public final class SubjectConflict {
  /** Story subjects kept: the first articles' headlines say what the story is about. */
  static final int STORY_SUBJECTS = 16;
  /** Marked names kept per story, first seen first. */
  static final int STORY_MARKED_NAMES = 64;

  private static final Pattern TICKER_ON_EXCHANGE = Pattern.compile("[A-Z0-9]+\\.[A-Z]{1,3}");

  private SubjectConflict() {}

  static boolean between(EnrichedArticle article, StoryState story) {
    return of(article).with(story);
  }

  /** The article's marks by {@link #key}, made once for all its candidate stories. */
  static Marks of(EnrichedArticle article) {
    return new Marks(keys(article.getSubjects()), keys(article.getMarkedNames()));
  }

  /** One article's subjects and marked names, by key. */
  record Marks(List<String> subjects, List<String> marked) {
    /** Whether the article and {@code story} are about different subjects. */
    boolean with(StoryState story) {
      return between(subjects, marked, story.getSubjects(), story.getMarkedNames());
    }
  }

  static boolean between(List<String> articleSubjects, List<String> articleMarked, List<String> storySubjects,
                         List<String> storyMarked) {
    if (articleSubjects.isEmpty() && storySubjects.isEmpty()) {
      return false;
    }
    if (!articleSubjects.isEmpty() && !storySubjects.isEmpty()) {
      return !anyOf(articleSubjects, storySubjects);
    }
    return !anyOf(storySubjects, articleMarked) && !anyOf(articleSubjects, storyMarked);
  }

  private static boolean anyOf(List<String> names, List<String> in) {
    for (String name : names) {
      if (in.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The key a marked name is compared by: a ticker without its exchange ("CRZY" of "CRZY.O", "POC" of "POC.TO"),
   * as one company is marked with and without it; names as marked.
   */
  static String key(String marked) {
    return TICKER_ON_EXCHANGE.matcher(marked).matches() ? marked.substring(0, marked.indexOf('.')) : marked;
  }

  /** {@code names} by {@link #key}, each once, in order: the names a subject check compares. */
  public static List<String> keys(List<String> names) {
    if (names.isEmpty()) {
      return names;
    }
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    for (String name : names) {
      keys.add(key(name));
    }
    return new ArrayList<>(keys);
  }

  /** {@code current} and then {@code added}'s keys not among them, at most {@code limit}: a story's bounded list. */
  static List<String> union(List<String> current, List<String> marked, int limit) {
    List<String> added = keys(marked);
    if (added.isEmpty() || current.size() >= limit || current.containsAll(added)) {
      return current;
    }
    LinkedHashSet<String> names = new LinkedHashSet<>(current);
    for (String name : added) {
      if (names.size() == limit) {
        break;
      }
      names.add(name);
    }
    return new ArrayList<>(names);
  }
}
