package io.newsflow.enrich.text.entities;

import io.newsflow.enrich.text.words.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token of one paragraph as the entity recogniser needs it: original case, character offsets,
 * whether it starts a sentence (where capitalisation says nothing), and whether a possessive "'s"
 * followed it. Punctuation is kept as one-character tokens because it ends name sequences.
 */
public final class CasedToken {

  /** Abbreviations whose period does not end a sentence. */
  private static final Set<String> ABBREVIATIONS = Set.of(
      "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Maj", "Adm",
      "Rev", "Jr", "Sr", "Inc", "Corp", "Ltd", "Co", "Mt", "Ft", "No", "vs", "Bros");
  /** Lower-case particles that may open a hyphenated name ("al-Assad"). */
  private static final Set<String> NAME_PARTICLES = Set.of(
      "al", "el", "ad", "as", "ash", "bin", "ibn", "abu", "de", "du", "van", "von", "la", "le", "ben");
  private static final Pattern DOTTED_ACRONYM = Pattern.compile("(?:\\p{Lu}\\.){2,}(?!\\p{L})");
  private static final Set<String> SENTENCE_OPENERS = Set.of(
      "The", "A", "An", "It", "He", "She", "They", "We", "I", "In", "But", "And", "This", "That", "There",
      "His", "Her", "Its", "Their", "On", "At", "For", "As", "If", "When", "After", "While");

  private final String text;
  private final int start;
  private final int end;
  private final boolean word;
  private final boolean sentenceStart;
  private final boolean possessive;
  // case flags are read many times per token by the recogniser; computed once here
  private final boolean capitalised;
  private final boolean allCaps;
  private final boolean acronym;

  CasedToken(String text, int start, int end, boolean word, boolean sentenceStart, boolean possessive) {
    this.text = text;
    this.start = start;
    this.end = end;
    this.word = word;
    this.sentenceStart = sentenceStart;
    this.possessive = possessive;
    this.capitalised = word && computeCapitalised(text);
    this.allCaps = word && computeAllCaps(text);
    this.acronym = word && computeAcronym(text, allCaps);
  }

  public String text() {
    return text;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  /** A word (letters, digits, inner apostrophes and hyphens), not punctuation. */
  public boolean word() {
    return word;
  }

  /** First word of a sentence, where a capital letter says nothing. */
  public boolean sentenceStart() {
    return sentenceStart;
  }

  /** Followed by a possessive "'s", which ends a name. */
  public boolean possessive() {
    return possessive;
  }

  /** First letter upper case, looking past a name particle ("al-Assad"). */
  public boolean capitalised() {
    return capitalised;
  }

  /** Two or more letters, all upper case ("NATO", "U.S."). */
  public boolean allCaps() {
    return allCaps;
  }

  /** Short all-capitals word, dotted initials or a capital and digits: "NATO", "EU", "U.S.", "G20". */
  public boolean acronym() {
    return acronym;
  }

  @Override
  public String toString() {
    return text;
  }

  private static boolean computeCapitalised(String text) {
    int hyphen = text.indexOf('-');
    String head = hyphen > 0 && NAME_PARTICLES.contains(text.substring(0, hyphen)) ? text.substring(hyphen + 1) : text;
    if (head.isEmpty()) {
      return false;
    }
    int cp = head.codePointAt(0);
    return Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  private static boolean computeAllCaps(String text) {
    int letters = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        if (!Character.isUpperCase(c)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2;
  }

  private static boolean computeAcronym(String text, boolean allCaps) {
    if (text.length() > 6 && !DOTTED_ACRONYM.matcher(text).matches()) {
      return false;
    }
    if (allCaps) {
      return true;
    }
    if (text.length() < 2 || !Character.isUpperCase(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  public String lower() {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Tokens of one paragraph; the first word starts a sentence. */
  public static List<CasedToken> scan(String paragraph) {
    List<CasedToken> out = new ArrayList<>();
    Matcher dotted = DOTTED_ACRONYM.matcher(paragraph);
    int n = paragraph.length();
    boolean sentenceStart = true;
    int i = 0;
    while (i < n) {
      char c = paragraph.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (dotAfterFirst(paragraph, i) && dotted.region(i, n).lookingAt()) {
        int end = dotted.end();
        out.add(new CasedToken(paragraph.substring(i, end), i, end, true, sentenceStart, false));
        sentenceStart = nextOpensSentence(paragraph, end);
        i = end;
        continue;
      }
      if (Tokenizer.isWordChar(paragraph.codePointAt(i))) {
        i = scanWord(paragraph, i, sentenceStart, out);
        CasedToken last = out.get(out.size() - 1);
        sentenceStart = last.text().endsWith(".") && nextOpensSentence(paragraph, last.end());
        continue;
      }
      int width = Character.charCount(paragraph.codePointAt(i));
      out.add(new CasedToken(paragraph.substring(i, i + width), i, i + width, false, false, false));
      if (c == '.' || c == '!' || c == '?' || c == ':') {
        sentenceStart = true;
      } else if ((c == '"' || c == '\u201c' || c == '\u00ab') && (i == 0 || Character.isWhitespace(paragraph.charAt(i - 1)))) {
        sentenceStart = true; // a quotation opens with a capital whatever the word
      }
      i += width;
    }
    return out;
  }

  /** Whether a '.' follows the character at {@code i}: else no dotted acronym starts there, and the regex need not run. */
  private static boolean dotAfterFirst(String s, int i) {
    int next = i + Character.charCount(s.codePointAt(i));
    return next < s.length() && s.charAt(next) == '.';
  }

  /** Scans one word from {@code from}, appends its token(s), and returns the index after it. */
  private static int scanWord(String s, int from, boolean sentenceStart, List<CasedToken> out) {
    int n = s.length();
    int i = from;
    boolean possessive = false;
    while (i < n) {
      int cp = s.codePointAt(i);
      if (Tokenizer.isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      boolean nextIsWord = i + 1 < n && Tokenizer.isWordChar(s.codePointAt(i + 1));
      if (Tokenizer.isApostrophe(cp) && nextIsWord) {
        boolean endsWithS = (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S')
            && (i + 2 >= n || !Tokenizer.isWordChar(s.codePointAt(i + 2)));
        if (endsWithS) {
          possessive = true;
          break;
        }
        i++;
      } else if ((cp == '-' || cp == '&') && nextIsWord && i > from) {
        i++;
      } else {
        break;
      }
    }
    int end = i;
    String text = s.substring(from, end);
    int after = possessive ? end + 2 : end;
    if (!possessive && end < n && s.charAt(end) == '.' && isAbbreviation(text)) {
      end++;
      after = end;
      text = s.substring(from, end);
    }
    if (text.indexOf('-') > 0 && !keepsHyphens(text)) {
      splitAtHyphens(s, from, end, sentenceStart, possessive, out);
    } else {
      out.add(new CasedToken(text, from, end, true, sentenceStart, possessive));
    }
    return after;
  }

  /** "Mr." and friends, and single capital initials ("George W. Bush"). */
  private static boolean isAbbreviation(String word) {
    return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isUpperCase(word.charAt(0)));
  }

  /** After an abbreviation's period, a sentence starts only if the next word typically opens one. */
  private static boolean nextOpensSentence(String s, int from) {
    int i = from;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    int j = i;
    while (j < s.length() && Character.isLetter(s.charAt(j))) {
      j++;
    }
    return SENTENCE_OPENERS.contains(s.substring(i, j));
  }

  /** Hyphenated names stay whole ("Saint-Germain", "Covid-19", "al-Assad"); "Kremlin-backed" splits. */
  private static boolean keepsHyphens(String text) {
    String[] parts = text.split("-");
    for (int k = 0; k < parts.length; k++) {
      String part = parts[k];
      if (part.isEmpty()) {
        return false;
      }
      boolean ok = Character.isUpperCase(part.charAt(0)) || part.chars().allMatch(Character::isDigit)
          || (k == 0 && NAME_PARTICLES.contains(part));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static void splitAtHyphens(String s, int from, int end, boolean sentenceStart, boolean possessive,
      List<CasedToken> out) {
    int partStart = from;
    boolean first = true;
    for (int i = from; i <= end; i++) {
      if (i == end || s.charAt(i) == '-') {
        if (i > partStart) {
          out.add(new CasedToken(s.substring(partStart, i), partStart, i, true, first && sentenceStart,
              i == end && possessive));
          first = false;
        }
        if (i < end) {
          out.add(new CasedToken("-", i, i + 1, false, false, false));
        }
        partStart = i + 1;
      }
    }
  }
}
