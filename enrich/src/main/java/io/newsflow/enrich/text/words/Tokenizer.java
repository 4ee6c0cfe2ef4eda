package io.newsflow.enrich.text.words;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into lower-cased word tokens: runs of letters and digits (any script, with combining
 * marks), where an apostrophe between two letters stays inside the word ("don't", "o'brien") and a
 * trailing possessive "'s" is dropped ("Putin's" gives "putin"), so that the possessive and the
 * plain name count as the same term. Hyphens, periods and other punctuation separate tokens.
 */
public final class Tokenizer {

  /** A read-only {@link HashSet}: {@code Set.copyOf}'s table finds a slot with a division per look-up, once per token. */
  private static final Set<String> ENGLISH_STOPWORDS =
      Collections.unmodifiableSet(new HashSet<>(WordLists.words(Tokenizer.class, "stopwords-en.txt")));

  /** Splits {@code text} into lower-cased word tokens, in text order. */
  public List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      if (isWordChar(cp)) {
        word.appendCodePoint(cp);
      } else if (isApostrophe(cp) && word.length() > 0 && i + width < n
          && Character.isLetter(text.codePointAt(i + width))
          && Character.isLetter(word.codePointBefore(word.length()))) {
        word.append('\'');
      } else {
        flush(word, tokens);
      }
      i += width;
    }
    flush(word, tokens);
    return tokens;
  }

  /** Whether a lower-cased token is an English stopword. */
  public boolean isStopword(String token) {
    return ENGLISH_STOPWORDS.contains(token);
  }

  /** The English stopword set (immutable). */
  public Set<String> stopwords() {
    return ENGLISH_STOPWORDS;
  }

  public static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  public static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '\u02bc';
  }

  private static void flush(StringBuilder word, List<String> tokens) {
    if (word.length() == 0) {
      return;
    }
    String token = word.toString().toLowerCase(Locale.ROOT);
    if (token.endsWith("'s") && token.length() > 2) {
      token = token.substring(0, token.length() - 2);
    }
    tokens.add(token);
    word.setLength(0);
  }
}
