package io.newsflow.aggregate;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Candidate stories with how many index look-ups proposed them: the more shared keys, the likelier the story. */
final class CandidateVotes {
  private final Map<String, Integer> votes = new HashMap<>();

  void add(Posting posting) {
    votes.merge(posting.storyId(), 1, Integer::sum);
  }

  void addAll(List<Posting> postings) {
    postings.forEach(this::add);
  }

  /** At most {@code limit} story ids, most votes first, ties by id: the same order whatever the map's order. */
  List<String> top(int limit) {
    return votes.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }
}
