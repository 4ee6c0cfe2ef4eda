package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartitionMergeTest {
  static final Duration IDLE = Duration.ofSeconds(2);

  /** Feeds the partitions' records in a random interleaving, draining after each, then after the idle time. */
  static List<Integer> merge(List<List<Integer>> partitions, long seed) {
    PartitionMerge<Integer> merge = new PartitionMerge<>(partitions.size(), IDLE, Comparator.<Integer>naturalOrder(), 0);
    int[] next = new int[partitions.size()];
    Random random = new Random(seed);
    List<Integer> out = new ArrayList<>();
    long now = 0;
    int remaining = partitions.stream().mapToInt(List::size).sum();
    while (remaining > 0) {
      int p = random.nextInt(partitions.size());
      if (next[p] < partitions.get(p).size()) {
        merge.add(p, next[p], partitions.get(p).get(next[p]), now);
        next[p]++;
        remaining--;
        now += random.nextInt(50);   // upstream tasks deliver close together, well within the idle time
        merge.drain(now).forEach(e -> out.add(e.item()));
      }
    }
    merge.drain(now + IDLE.toMillis()).forEach(e -> out.add(e.item()));
    return out;
  }

  @Test
  void anyInterleavingOfTimeOrderedPartitionsGivesTheOneTimeOrder() {
    List<List<Integer>> partitions = List.of(List.of(1, 4, 5, 9, 12), List.of(2, 3, 10, 11), List.of(6, 7, 8, 13));

    for (long seed = 0; seed < 50; seed++) {
      assertThat(merge(partitions, seed)).as("seed %d", seed).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }
  }

  @Test
  void unorderedPartitionsKeepTheirOwnOrderAndStillMergeTheSameWayEveryTime() {
    List<List<Integer>> partitions = List.of(List.of(9, 1, 5), List.of(4, 8, 2, 7));
    List<Integer> first = merge(partitions, 1);

    assertThat(first).containsExactly(4, 8, 2, 7, 9, 1, 5);
    for (long seed = 2; seed < 50; seed++) {
      assertThat(merge(partitions, seed)).as("seed %d", seed).isEqualTo(first);
    }
  }

  @Test
  void aSilentPartitionHoldsTheMergeBackOnlyUntilItHasBeenIdleLongEnough() {
    PartitionMerge<Integer> merge = new PartitionMerge<>(2, IDLE, Comparator.<Integer>naturalOrder(), 0);
    merge.add(0, 0, 5, 100);

    assertThat(merge.drain(100)).isEmpty();
    assertThat(merge.drain(2_099)).isEmpty();
    assertThat(merge.drain(2_100)).extracting(PartitionMerge.Entry::item).containsExactly(5);

    merge.add(0, 1, 4, 2_150);
    merge.add(1, 0, 3, 2_200);   // partition 1 speaks, so it may speak again: 4 waits for it
    assertThat(merge.drain(2_200)).extracting(PartitionMerge.Entry::item).containsExactly(3);
    assertThat(merge.buffered()).isEqualTo(1);
    assertThat(merge.drain(4_199)).isEmpty();
    assertThat(merge.drain(4_200)).extracting(PartitionMerge.Entry::item).containsExactly(4);
  }

  @Test
  void aPartitionQuietForLongStillGetsItsChanceWhenTrafficResumes() {
    PartitionMerge<Integer> merge = new PartitionMerge<>(2, IDLE, Comparator.<Integer>naturalOrder(), 0);
    merge.add(0, 0, 7, 60_000);   // partition 1 has said nothing for a minute

    assertThat(merge.drain(61_999)).isEmpty();
    merge.add(1, 0, 6, 61_999);
    assertThat(merge.drain(61_999)).extracting(PartitionMerge.Entry::item).containsExactly(6);
  }

  @Test
  void aPartitionKnownToHaveRecordsUpstreamIsWaitedForUpToTheStallTime() {
    boolean[] pending = {false, true};
    SourceOrdering ordering = new SourceOrdering(IDLE, Duration.ofSeconds(60), p -> pending[p]);
    PartitionMerge<Integer> merge = new PartitionMerge<>(2, ordering, Comparator.<Integer>naturalOrder(), 0);
    merge.add(0, 0, 7, 1_000);

    assertThat(merge.drain(30_000)).isEmpty();
    pending[1] = false;   // the backlog has drained without sending anything here: only the idle rule is left
    assertThat(merge.drain(30_000)).extracting(PartitionMerge.Entry::item).containsExactly(7);

    merge.add(0, 1, 8, 40_000);
    pending[1] = true;
    assertThat(merge.drain(99_999)).isEmpty();
    assertThat(merge.drain(100_000)).extracting(PartitionMerge.Entry::item).containsExactly(8);
  }

  @Test
  void aPartitionBeyondTheExpectedCountIsAClearError() {
    PartitionMerge<Integer> merge = new PartitionMerge<>(2, IDLE, Comparator.<Integer>naturalOrder(), 0);

    assertThatThrownBy(() -> merge.add(2, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source partition 2 outside 0..1: the merge expects as many partitions as the enriched topic has"
            + " (topic.partitions)");
  }
}
