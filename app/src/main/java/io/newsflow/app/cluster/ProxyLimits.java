package io.newsflow.app.cluster;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * How far clustering may merge a corpus of distinct stories (such as BBC news) and still be fitted:
 * at least {@code minStoryShare} stories per article and no story larger than {@code maxStory}. A
 * bound rather than a score, because the corpus's own labels are too strict (it has real follow-ups).
 */
public record ProxyLimits(double minStoryShare, int maxStory) {

  /** Stories and the largest one's size in an article → story assignment. */
  public record Shape(int articles, int stories, int largest) {
    public static Shape of(Map<String, String> storyOf) {
      Map<String, Integer> sizes = new HashMap<>();
      storyOf.values().forEach(s -> sizes.merge(s, 1, Integer::sum));
      return new Shape(storyOf.size(), sizes.size(), sizes.isEmpty() ? 0 : Collections.max(sizes.values()));
    }
  }

  public boolean admits(Shape shape) {
    return shape.stories() >= minStoryShare * shape.articles() && shape.largest() <= maxStory;
  }
}
