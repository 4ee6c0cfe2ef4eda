package io.newsflow.enrich.text.entities;

import java.util.List;

/**
 * Lines whose capitals say nothing about names: written in capitals, in Title Case, or short Title
 * Case subheadings. Names there are only matched against names already known (step 5).
 */
final class CaselessLines {

  /** Paragraphs this short and in Title Case are headings, whose capitals say nothing. */
  static final int MAX_HEADING_WORDS = 12;

  private CaselessLines() {}

  /** Written in capitals: a headline or a dateline such as "MOSCOW". */
  static boolean isAllCaps(List<CasedToken> tokens) {
    int words = 0;
    int caps = 0;
    boolean longCapital = false;
    for (CasedToken t : tokens) {
      if (t.word() && Character.isLetter(t.text().charAt(0))) {
        words++;
        if (t.allCaps()) {
          caps++;
          longCapital |= t.text().length() >= 4;
        }
      }
    }
    return longCapital && caps >= 0.8 * words;
  }

  /** Mostly Title Case: at least two long words, 80% of them capitalised. */
  static boolean isTitleCase(List<CasedToken> tokens) {
    int longWords = 0;
    int capitalised = 0;
    for (CasedToken t : tokens) {
      if (t.word() && t.text().length() >= 4 && Character.isLetter(t.text().charAt(0))) {
        longWords++;
        if (t.capitalised()) {
          capitalised++;
        }
      }
    }
    return longWords >= 2 && capitalised >= 0.8 * longWords;
  }

  /** A short Title Case line without sentence punctuation: a subheading, not a sentence. */
  static boolean isHeading(List<CasedToken> tokens) {
    int words = 0;
    for (CasedToken t : tokens) {
      if (t.word()) {
        words++;
        if (Character.isDigit(t.text().charAt(0))) {
          return false; // "Sandrine Testud (France) beat Ines Gorrochategui (Argentina) 4-6 6-2 6-1": a result
        }
      } else if (".,:;".contains(t.text())) {
        return false;
      }
    }
    return words <= MAX_HEADING_WORDS && isTitleCase(tokens);
  }
}
