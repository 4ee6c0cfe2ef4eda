package io.newsflow.app.stories;

import io.newsflow.aggregate.evaluation.ClusteringScores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How story output B differs from story output A, article by article. Stories are compared on the
 * articles both outputs have: an A story is <em>split</em> when those articles land in several B
 * stories, a B story is <em>merged</em> when its articles come from several A stories, and an
 * article is <em>moved</em> when it is not in the B story that took most of its A story. Stories with
 * exactly the same articles are <em>identical</em>. B-cubed scores B with A as the reference.
 */
public record StoryComparison(int articlesInA, int articlesInB, int articlesOnlyInA, int articlesOnlyInB,
                       long storiesInA, long storiesInB, int identical, int storiesOnlyInA, int storiesOnlyInB,
                       List<Split> splits, List<Merge> merges, int movedArticles, ClusteringScores scores) {

  /** An A story whose articles went to several B stories, with how many went to each (most first). */
  public record Split(String storyA, int articles, Map<String, Integer> toB) {}

  /** A B story that gathered articles of several A stories, with how many came from each (most first). */
  public record Merge(String storyB, int articles, Map<String, Integer> fromA) {}

  public static StoryComparison of(Map<String, String> a, Map<String, String> b) {
    Set<String> common = new TreeSet<>(a.keySet());
    common.retainAll(b.keySet());
    Map<String, Set<String>> membersA = members(a);
    Map<String, Set<String>> membersB = members(b);

    Map<String, Map<String, Integer>> aToB = new TreeMap<>();
    Map<String, Map<String, Integer>> bFromA = new TreeMap<>();
    for (String article : common) {
      aToB.computeIfAbsent(a.get(article), k -> new TreeMap<>()).merge(b.get(article), 1, Integer::sum);
      bFromA.computeIfAbsent(b.get(article), k -> new TreeMap<>()).merge(a.get(article), 1, Integer::sum);
    }
    List<Split> splits = new ArrayList<>();
    int moved = 0;
    int identical = 0;
    for (Map.Entry<String, Map<String, Integer>> e : aToB.entrySet()) {
      Map<String, Integer> targets = mostFirst(e.getValue());
      int total = targets.values().stream().mapToInt(Integer::intValue).sum();
      moved += total - targets.values().iterator().next();
      if (targets.size() > 1) {
        splits.add(new Split(e.getKey(), total, targets));
      } else if (membersA.get(e.getKey()).equals(membersB.get(targets.keySet().iterator().next()))) {
        identical++;
      }
    }
    List<Merge> merges = new ArrayList<>();
    bFromA.forEach((storyB, sources) -> {
      if (sources.size() > 1) {
        merges.add(new Merge(storyB, sources.values().stream().mapToInt(Integer::intValue).sum(), mostFirst(sources)));
      }
    });
    splits.sort(Comparator.comparingInt(Split::articles).reversed().thenComparing(Split::storyA));
    merges.sort(Comparator.comparingInt(Merge::articles).reversed().thenComparing(Merge::storyB));

    Map<String, String> gold = new HashMap<>();
    Map<String, String> predicted = new HashMap<>();
    common.forEach(article -> {
      gold.put(article, a.get(article));
      predicted.put(article, b.get(article));
    });
    return new StoryComparison(a.size(), b.size(), a.size() - common.size(), b.size() - common.size(),
        membersA.size(), membersB.size(), identical,
        membersA.size() - aToB.size(), membersB.size() - bFromA.size(), splits, merges, moved,
        ClusteringScores.score(gold, predicted));
  }

  private static Map<String, Set<String>> members(Map<String, String> storyOf) {
    Map<String, Set<String>> members = new HashMap<>();
    storyOf.forEach((article, story) -> members.computeIfAbsent(story, k -> new TreeSet<>()).add(article));
    return members;
  }

  /** Most articles first, ties by story id, so the output is the same on every run. */
  private static Map<String, Integer> mostFirst(Map<String, Integer> counts) {
    Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }
}
