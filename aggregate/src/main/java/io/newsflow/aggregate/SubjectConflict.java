package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Whether an article's headline is about another subject than the story's, as the wire marks them (ADR 40):
 * both headlines mark a company ("COBANCO INC &lt;CBCO&gt; YEAR NET" against "GELCO CORP &lt;GEL&gt; 2ND QTR NET"),
 * and neither side marks the other's anywhere, headline or body. Two companies' results reports or bond issues
 * share every word but the company's, so terms cannot tell them apart; a follow-up about a bidder and its target
 * marks both. A headline that marks nothing says nothing, so text without marks (ECB+, GVC, BBC) is never in
 * conflict.
 */
final class SubjectConflict {
  /** Story subjects kept: the first articles' headlines say what the story is about. */
  static final int STORY_SUBJECTS = 16;
  /** Marked names kept per story, first seen first. */
  static final int STORY_MARKED_NAMES = 64;

  private SubjectConflict() {}

  static boolean between(EnrichedArticle article, StoryState story) {
    return between(article.getSubjects(), article.getMarkedNames(), story.getSubjects(), story.getMarkedNames());
  }

  static boolean between(List<String> articleSubjects, List<String> articleMarked, List<String> storySubjects,
                         List<String> storyMarked) {
    if (articleSubjects.isEmpty() || storySubjects.isEmpty()) {
      return false;
    }
    for (String subject : storySubjects) {
      if (articleMarked.contains(subject)) {
        return false;
      }
    }
    for (String subject : articleSubjects) {
      if (storyMarked.contains(subject)) {
        return false;
      }
    }
    return true;
  }

  /** {@code current} and then {@code added}'s names not among them, at most {@code limit}: a story's bounded list. */
  static List<String> union(List<String> current, List<String> added, int limit) {
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
