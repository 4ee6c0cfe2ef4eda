package io.newsflow.app.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StoryComparisonTest {
  @Test
  void identicalOutputsDifferInNothing() {
    Map<String, String> a = Map.of("1", "s1", "2", "s1", "3", "s2");

    StoryComparison c = StoryComparison.of(a, Map.of("1", "x", "2", "x", "3", "y"));

    assertThat(c.identical()).isEqualTo(2);
    assertThat(c.splits()).isEmpty();
    assertThat(c.merges()).isEmpty();
    assertThat(c.movedArticles()).isZero();
    assertThat(c.scores().bcubedF1()).isEqualTo(1.0);
  }

  @Test
  void splitsMergesMovesAndArticlesOnOneSide() {
    // A: {1,2,3} {4} {5} {6}        B: {1,3} {2} {4,5} {7}
    Map<String, String> a = Map.of("1", "a1", "2", "a1", "3", "a1", "4", "a4", "5", "a5", "6", "a6");
    Map<String, String> b = Map.of("1", "b1", "3", "b1", "2", "b2", "4", "b4", "5", "b4", "7", "b7");

    StoryComparison c = StoryComparison.of(a, b);

    assertThat(c.articlesOnlyInA()).isEqualTo(1);
    assertThat(c.articlesOnlyInB()).isEqualTo(1);
    assertThat(c.storiesInA()).isEqualTo(4);
    assertThat(c.storiesInB()).isEqualTo(4);
    assertThat(c.storiesOnlyInA()).isEqualTo(1);
    assertThat(c.storiesOnlyInB()).isEqualTo(1);
    assertThat(c.identical()).isZero();
    assertThat(c.splits()).containsExactly(new StoryComparison.Split("a1", 3, Map.of("b1", 2, "b2", 1)));
    assertThat(c.splits().get(0).toB().keySet()).containsExactly("b1", "b2");
    assertThat(c.merges()).containsExactly(new StoryComparison.Merge("b4", 2, Map.of("a4", 1, "a5", 1)));
    // 2 leaves the bulk of a1; a4 and a5 each go whole into b4
    assertThat(c.movedArticles()).isEqualTo(1);
    // over the five common articles, with A as the reference: precision (1+1+1+.5+.5)/5, recall (2/3+1/3+2/3+1+1)/5
    assertThat(c.scores().bcubedPrecision()).isCloseTo(0.8, within(1e-9));
    assertThat(c.scores().bcubedRecall()).isCloseTo(11.0 / 15, within(1e-9));
  }
}
