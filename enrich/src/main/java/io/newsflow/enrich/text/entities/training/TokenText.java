package io.newsflow.enrich.text.entities.training;

import io.newsflow.enrich.text.entities.EntityKind;
import io.newsflow.enrich.text.entities.EntitySpan;
import java.util.List;
import java.util.Set;

/**
 * Pre-tokenised text (CoNLL, GMB) written back as the running text an article would have, with each
 * token's character range, so that the recogniser reads corpora exactly as it reads articles and its
 * answers map back to the corpus tokens. "Putin 's visit ( Moscow )" becomes "Putin's visit (Moscow)".
 */
public record TokenText(String text, int[] starts, int[] ends) {

  /** Tokens written without a space before them. */
  private static final Set<String> ATTACH_LEFT = Set.of(
      ",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m");
  /** Tokens written without a space after them. */
  private static final Set<String> ATTACH_RIGHT = Set.of("(", "[", "{", "$");

  public static TokenText of(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    int[] starts = new int[tokens.size()];
    int[] ends = new int[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      boolean glued = i == 0 || ATTACH_LEFT.contains(token) || ATTACH_RIGHT.contains(tokens.get(i - 1));
      if (!glued) {
        sb.append(' ');
      }
      starts[i] = sb.length();
      sb.append(token);
      ends[i] = sb.length();
    }
    return new TokenText(sb.toString(), starts, ends);
  }

  /** Index of the token holding character {@code offset}, or -1 when it falls between tokens. */
  int tokenAt(int offset) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= offset) {
        lo = mid + 1;
      } else if (starts[mid] > offset) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The corpus tokens covering characters [start, end), or null when that range holds no token. */
  EntitySpan span(int start, int end, EntityKind kind) {
    int first = tokenAt(start);
    int last = tokenAt(end - 1);
    return first < 0 || last < first ? null : new EntitySpan(first, last + 1, kind);
  }
}
