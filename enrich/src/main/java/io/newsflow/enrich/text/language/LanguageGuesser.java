package io.newsflow.enrich.text.language;

import io.newsflow.enrich.text.words.Tokenizer;
import io.newsflow.enrich.text.words.WordLists;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Guesses the language (ISO 639-1) by counting each language's frequent function words: every
 * running text of more than a sentence contains them, and the lists of en, de, fr, es, it, nl, pt and
 * sv overlap little. Returns {@link #UNDETERMINED} for short texts or when no language wins clearly.
 * Backs {@link LanguageDetector}'s trained model where that model is not clearly ahead.
 */
public final class LanguageGuesser {

  public static final String UNDETERMINED = "und";

  /** Fewer word tokens than this: not enough evidence. */
  static final int MIN_TOKENS = 5;
  /** Only the start of a long text is read; it is as telling as the whole. */
  static final int MAX_TOKENS = 2000;
  /** The winner needs this many profile hits ... */
  static final int MIN_HITS = 3;
  /** ... and this many times the runner-up's. */
  static final double MIN_LEAD = 1.5;

  private static final Map<String, Set<String>> PROFILES = loadProfiles();
  /** Language codes, sorted; indexes into the hit counts. */
  private static final List<String> CODES = List.copyOf(PROFILES.keySet());
  /** Inverted profiles: one map look-up per token instead of one per token and language. */
  private static final Map<String, List<Integer>> LANGUAGES_BY_WORD = invert();

  private final Tokenizer tokenizer;

  public LanguageGuesser() {
    this(new Tokenizer());
  }

  public LanguageGuesser(Tokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** Language of a text, or "und". */
  public String guess(String text) {
    return guessFromTokens(tokenizer.tokenize(text));
  }

  /** Language of tokens as produced by {@link Tokenizer}, or "und". */
  public String guessFromTokens(List<String> tokens) {
    if (tokens.size() < MIN_TOKENS) {
      return UNDETERMINED;
    }
    int limit = Math.min(tokens.size(), MAX_TOKENS);
    int[] hits = new int[CODES.size()];
    for (int i = 0; i < limit; i++) {
      List<Integer> languages = LANGUAGES_BY_WORD.get(tokens.get(i));
      if (languages != null) {
        for (int language : languages) {
          hits[language]++;
        }
      }
    }
    String best = UNDETERMINED;
    int bestHits = 0;
    int secondHits = 0;
    for (int language = 0; language < hits.length; language++) { // codes are sorted: ties resolve the same way every time
      if (hits[language] > bestHits) {
        secondHits = bestHits;
        bestHits = hits[language];
        best = CODES.get(language);
      } else if (hits[language] > secondHits) {
        secondHits = hits[language];
      }
    }
    if (bestHits < MIN_HITS || bestHits < MIN_LEAD * secondHits) {
      return UNDETERMINED;
    }
    return best;
  }

  /** The languages this guesser knows, sorted. */
  public static Set<String> languages() {
    return PROFILES.keySet();
  }

  private static Map<String, List<Integer>> invert() {
    Map<String, List<Integer>> byWord = new HashMap<>();
    for (int language = 0; language < CODES.size(); language++) {
      for (String word : PROFILES.get(CODES.get(language))) {
        byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(language);
      }
    }
    Map<String, List<Integer>> frozen = new HashMap<>();
    byWord.forEach((word, languages) -> frozen.put(word, List.copyOf(languages)));
    return Map.copyOf(frozen);
  }

  private static Map<String, Set<String>> loadProfiles() {
    Map<String, Set<String>> building = new HashMap<>();
    for (String line : WordLists.lines(LanguageGuesser.class, "language-profiles.txt")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalStateException("language-profiles.txt: expected '<code>: words', got: " + line);
      }
      String code = line.substring(0, colon).strip();
      Set<String> words = building.computeIfAbsent(code, c -> new HashSet<>());
      for (String word : line.substring(colon + 1).strip().split("\\s+")) {
        words.add(word);
      }
    }
    Map<String, Set<String>> profiles = new TreeMap<>();
    building.forEach((code, words) -> profiles.put(code, Set.copyOf(words)));
    return Collections.unmodifiableMap(profiles);
  }
}
