package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Hash64Test {

  @Test
  void wordsHashedInPlaceHashAsTheirJoinedString() {
    List<String> words = List.of("the", "Bank", "of", "England", "£", "", "naïve", "a");
    for (int from = 0; from < words.size(); from++) {
      for (int to = from + 1; to <= words.size(); to++) {
        assertThat(Hash64.ofJoined(words, from, to))
            .as("%s", words.subList(from, to))
            .isEqualTo(Hash64.of(String.join(" ", words.subList(from, to))));
      }
    }
  }

  @Test
  void theWordBoundaryIsPartOfTheHash() {
    assertThat(Hash64.ofJoined(List.of("ab", "c"), 0, 2)).isNotEqualTo(Hash64.ofJoined(List.of("a", "bc"), 0, 2));
  }
}
