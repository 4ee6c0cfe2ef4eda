package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.StoryStatus;
import io.newsflow.schemas.avro.WeightedTerm;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardIndexTest {

  @Test
  void termFrequenciesAreTheShardsOwnCountsOfTheTermKeys() {
    InMemoryStoryIndex all = new InMemoryStoryIndex(8);
    ShardIndex en = new ShardIndex(all, "en");
    ShardIndex de = new ShardIndex(all, "de");
    en.countDocument(Instant.EPOCH, List.of(IndexKeys.term("budget"), IndexKeys.term("vote")));
    en.countDocument(Instant.EPOCH, List.of(IndexKeys.term("budget")));
    de.countDocument(Instant.EPOCH, List.of(IndexKeys.term("budget")));

    assertThat(en.termFrequency("budget")).isEqualTo(2).isEqualTo(en.documentFrequency(IndexKeys.term("budget")));
    assertThat(en.termFrequency("vote")).isEqualTo(1);
    assertThat(de.termFrequency("budget")).isEqualTo(1);
    assertThat(de.termFrequency("vote")).isZero();
    assertThat(en.documents()).isEqualTo(2);
  }

  @Test
  void theOldestArticleByEventTimeLeavesTheCountsWhenTheWindowIsFull() {
    InMemoryStoryIndex all = new InMemoryStoryIndex(8, 2);
    ShardIndex en = new ShardIndex(all, "en");
    Instant t0 = Instant.parse("2024-03-01T00:00:00Z");
    en.countDocument(t0.plusSeconds(60), List.of(IndexKeys.term("budget")));
    en.countDocument(t0, List.of(IndexKeys.term("budget"), IndexKeys.term("vote")));
    assertThat(en.termFrequency("budget")).isEqualTo(2);

    // A third article: the one published first (counted second) leaves the window of two
    en.countDocument(t0.plusSeconds(120), List.of(IndexKeys.term("tax")));

    assertThat(en.termFrequency("budget")).isEqualTo(1);
    assertThat(en.termFrequency("vote")).isZero();
    assertThat(en.termFrequency("tax")).isEqualTo(1);
    assertThat(en.documents()).isEqualTo(2);
    assertThat(new CachedTermStatistics(en).termIdf("budget")).isEqualTo(Idf.of(2, 1));
  }

  @Test
  void aStoryViewsCentroidIdfsAreTheTermIdfsAndFollowTheCountsAcrossASweep() {
    InMemoryStoryIndex all = new InMemoryStoryIndex(8, 3000);
    ShardIndex en = new ShardIndex(all, "en");
    StoryState story = StoryActivityTest.story("s-1", Instant.EPOCH, StoryStatus.ACTIVE);
    story.setCentroid(List.of(new WeightedTerm("budget", 2.0), new WeightedTerm("vote", 1.0), new WeightedTerm("tax", 1.0)));
    StoryView view = new StoryView(story, Set.of());
    en.countDocument(Instant.EPOCH, List.of(IndexKeys.term("budget"), IndexKeys.term("vote")));
    en.countDocument(Instant.EPOCH.plusSeconds(1), List.of(IndexKeys.term("budget")));

    // budget in 2 of 2 articles, vote in 1, tax in none
    assertThat(new CachedTermStatistics(en).centroidIdfs(view))
        .containsExactly(Idf.of(2, 2), Idf.of(2, 1), Idf.of(2, 0));

    // 2,000 one-off words, then 3,000 articles push them out of the window: the zero counts are swept, tax's with them
    long generation = all.documentFrequencies().generation();
    Instant t = Instant.EPOCH.plusSeconds(10);
    for (int i = 0; i < 2000; i++) {
      en.countDocument(t, List.of(IndexKeys.term("once" + i)));
    }
    for (int i = 0; i < 3000; i++) {
      List<String> keys = new ArrayList<>(List.of(IndexKeys.term("filler")));
      if (i >= 2995) {
        keys.add(IndexKeys.term("tax"));
      }
      en.countDocument(t.plusSeconds(1 + i), keys);
    }
    assertThat(all.documentFrequencies().generation()).isGreaterThan(generation);

    // budget and vote left the window; tax is counted in the 5 articles that named it, in a count made after the sweep
    assertThat(new CachedTermStatistics(en).centroidIdfs(view))
        .containsExactly(Idf.of(3000, 0), Idf.of(3000, 0), Idf.of(3000, 5));
  }
}
