package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CandidateVotesTest {

  @Test
  void mostVotesFirstTiesByIdAtMostTheLimit() {
    CandidateVotes votes = new CandidateVotes();
    for (String story : List.of("s-c", "s-a", "s-b", "s-a", "s-d", "s-b", "s-a", "s-e")) {
      votes.add(posting(story));
    }

    assertThat(votes.top(3)).containsExactly("s-a", "s-b", "s-c");
    assertThat(votes.top(10)).containsExactly("s-a", "s-b", "s-c", "s-d", "s-e");
    assertThat(votes.top(0)).isEmpty();
  }

  @Test
  void theSameStoriesAsSortingEveryVotedStory() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      CandidateVotes votes = new CandidateVotes();
      Map<String, Integer> counted = new TreeMap<>();
      int postings = random.nextInt(400);
      for (int i = 0; i < postings; i++) {
        String story = "s-" + random.nextInt(1 + random.nextInt(150));
        votes.add(posting(story));
        counted.merge(story, 1, Integer::sum);
      }
      List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counted.entrySet());
      sorted.sort(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
      List<String> expected = sorted.stream().limit(12).map(Map.Entry::getKey).toList();

      assertThat(votes.top(12)).as("round %d", round).isEqualTo(expected);
    }
  }

  private static Posting posting(String story) {
    return new Posting(story, "a-" + story);
  }
}
