package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceBoilerplateTest {
  static final String FOOTER = "The Daily Planet is published by Galaxy Communications of Metropolis.";

  /** Counts in a map: the same contract the Kafka store implements. */
  static final class MapLineCounts implements LineCounts {
    final Map<String, Long> counts = new HashMap<>();

    @Override
    public long get(String key) {
      return counts.getOrDefault(key, 0L);
    }

    @Override
    public void increment(String key) {
      counts.merge(key, 1L, Long::sum);
    }
  }

  final MapLineCounts counts = new MapLineCounts();
  final SourceBoilerplate boilerplate = new SourceBoilerplate(counts, 3);

  static String article(int n) {
    return "Story number " + n + " about the council vote.\n" + FOOTER;
  }

  @Test
  void aLineIsRemovedOnceEarlierArticlesOfTheSourceCarriedItMinArticlesTimes() {
    for (int n = 1; n <= 3; n++) {
      assertThat(boilerplate.strip("planet", article(n))).as("article %d", n).contains(FOOTER);
    }
    assertThat(boilerplate.strip("planet", article(4))).isEqualTo("Story number 4 about the council vote.");
    assertThat(counts.get(SourceBoilerplate.key("planet", FOOTER))).isEqualTo(4);
  }

  @Test
  void countsAreKeptPerSource() {
    for (int n = 1; n <= 3; n++) {
      boilerplate.strip("planet", article(n));
    }
    assertThat(boilerplate.strip("bugle", article(4))).contains(FOOTER);
  }

  @Test
  void aLineCountsOncePerArticleAndCaseAndSpacingAreFolded() {
    boilerplate.strip("planet", FOOTER + "\n" + FOOTER + "\n" + FOOTER.toUpperCase());
    assertThat(counts.get(SourceBoilerplate.key("planet", "  " + FOOTER.replace(" ", "   ")))).isEqualTo(1);
  }

  @Test
  void longLinesAreNeitherCountedNorRemoved() {
    String paragraph = "word ".repeat(50).strip();
    for (int n = 0; n < 5; n++) {
      assertThat(boilerplate.strip("planet", paragraph)).isEqualTo(paragraph);
    }
    assertThat(counts.counts).isEmpty();
  }

  @Test
  void rejectsAThresholdBelowOne() {
    assertThatThrownBy(() -> new SourceBoilerplate(counts, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
