package io.newsflow.enrich.text.entities;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an article's own text says about its words' case: which are written capitalised in mid
 * sentence (so a sentence-initial capital may be a name too) and which in lower case (so a capital
 * may be mere emphasis or a sentence start: "Visa" vs "visa rules").
 */
final class CaseEvidence {

  private final Set<String> capitalisedMidSentence = new HashSet<>();
  private final Set<String> seenLowerCase = new HashSet<>();

  /** Reads one paragraph whose case carries signal. */
  void collect(List<CasedToken> tokens) {
    for (CasedToken t : tokens) {
      if (!t.word()) {
        continue;
      }
      if (t.capitalised() && !t.sentenceStart()) {
        capitalisedMidSentence.add(t.text());
      } else if (Character.isLowerCase(t.text().charAt(0))) {
        seenLowerCase.add(t.text());
      }
    }
  }

  boolean capitalisedMidSentence(String word) {
    return capitalisedMidSentence.contains(word);
  }

  /** Whether the word was written in lower case; {@code lower} is its lower-case form. */
  boolean seenLowerCase(String lower) {
    return seenLowerCase.contains(lower);
  }
}
