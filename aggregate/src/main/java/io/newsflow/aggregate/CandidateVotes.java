package io.newsflow.aggregate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** Candidate stories with how many index look-ups proposed them: the more shared keys, the likelier the story. */
final class CandidateVotes {
  /** Most votes first, ties by id: the same order whatever the map's order. */
  private static final Comparator<Map.Entry<String, Integer>> BEST_FIRST =
      Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey());

  private final Map<String, Integer> votes = new HashMap<>();

  void add(Posting posting) {
    votes.merge(posting.storyId(), 1, Integer::sum);
  }

  void addAll(List<Posting> postings) {
    postings.forEach(this::add);
  }

  /**
   * At most {@code limit} story ids, best first. Selected through a heap of {@code limit} entries rather than
   * by sorting every voted story: an article's look-ups propose hundreds, of which a dozen are kept.
   */
  List<String> top(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    PriorityQueue<Map.Entry<String, Integer>> worstFirst = new PriorityQueue<>(limit + 1, BEST_FIRST.reversed());
    for (Map.Entry<String, Integer> entry : votes.entrySet()) {
      if (worstFirst.size() < limit) {
        worstFirst.add(entry);
      } else if (BEST_FIRST.compare(entry, worstFirst.peek()) < 0) {
        worstFirst.poll();
        worstFirst.add(entry);
      }
    }
    List<String> best = new ArrayList<>(worstFirst.size());
    while (!worstFirst.isEmpty()) {
      best.add(worstFirst.poll().getKey());
    }
    Collections.reverse(best);
    return best;
  }
}
