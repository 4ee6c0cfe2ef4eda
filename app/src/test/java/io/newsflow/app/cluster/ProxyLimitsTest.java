package io.newsflow.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyLimitsTest {
  // Five articles: a story of three, two alone.
  static final Map<String, String> STORIES = Map.of("a1", "s1", "a2", "s1", "a3", "s1", "a4", "s4", "a5", "s5");

  @Test
  void shapeCountsArticlesStoriesAndTheLargestStory() {
    assertThat(ProxyLimits.Shape.of(STORIES)).isEqualTo(new ProxyLimits.Shape(5, 3, 3));
  }

  @Test
  void admitsOnlyEnoughStoriesPerArticleAndNoStoryTooLarge() {
    ProxyLimits.Shape shape = ProxyLimits.Shape.of(STORIES);

    assertThat(new ProxyLimits(0.6, 3).admits(shape)).isTrue();
    assertThat(new ProxyLimits(0.61, 3).admits(shape)).isFalse();
    assertThat(new ProxyLimits(0.6, 2).admits(shape)).isFalse();
  }
}
