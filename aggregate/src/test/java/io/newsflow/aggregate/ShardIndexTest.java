package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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
}
