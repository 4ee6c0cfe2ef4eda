package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentFrequenciesTest {
  static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

  @Test
  void theWindowKeepsTheMostRecentArticlesByEventTimeAndSaysWhichLeft() {
    DocumentFrequencies counts = new DocumentFrequencies(2);
    assertThat(counts.count(counted(60, 0, "a", "b"))).isEmpty();
    assertThat(counts.count(counted(0, 1, "a"))).isEmpty();

    // A third article pushes out the one published first, though it was counted second
    List<DocumentFrequencies.Counted> left = counts.count(counted(120, 2, "c"));

    assertThat(left).extracting(DocumentFrequencies.Counted::sequence).containsExactly(1L);
    assertThat(counts.frequency("a")).isEqualTo(1);
    assertThat(counts.frequency("b")).isEqualTo(1);
    assertThat(counts.frequency("c")).isEqualTo(1);
    assertThat(counts.keys()).isEqualTo(3);
  }

  @Test
  void termCountsHeldByAShardStayRightWhenZeroCountsAreSwept() {
    InMemoryStoryIndex all = new InMemoryStoryIndex(8, 1);
    ShardIndex en = new ShardIndex(all, "en");
    en.countDocument(T0, List.of(IndexKeys.term("budget")));
    assertThat(en.termFrequency("budget")).isEqualTo(1);
    long before = all.documentFrequencies().generation();

    // Reading thousands of unseen terms leaves zero counts; the next articles push "budget" out and sweep
    for (int i = 0; i < 3000; i++) {
      assertThat(en.termFrequency("unseen" + i)).isZero();
    }
    en.countDocument(T0.plusSeconds(1), List.of(IndexKeys.term("vote")));
    en.countDocument(T0.plusSeconds(2), List.of(IndexKeys.term("budget")));

    assertThat(all.documentFrequencies().generation()).isGreaterThan(before);
    assertThat(en.termFrequency("budget")).isEqualTo(1);
    assertThat(en.termFrequency("vote")).isZero();
    // Only the last article's keys are left: its term, and the shard's and the task's article counts
    assertThat(all.documentFrequencies().keys()).isEqualTo(3);
  }

  private static DocumentFrequencies.Counted counted(long seconds, long sequence, String... keys) {
    return new DocumentFrequencies.Counted(T0.plusSeconds(seconds).toEpochMilli(), sequence, List.of(keys));
  }
}
