package io.newsflow.enrich.text.language;

import java.util.regex.Pattern;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The normalisation OpenNLP's {@code LanguageDetectorFactory} applies before taking n-grams, with the
 * same result as its chain of regular expressions (emoji, URL and e-mail, Twitter, number, shrink), at
 * a fraction of the cost: those ten regex passes cost more than the whole model evaluation. Steps that
 * fire on ordinary news text are written out as loops; the rare ones (URLs, e-mail, hashtags, "RT",
 * laughter) still run OpenNLP's patterns, but only when the text holds what they need to match. Text
 * with surrogate characters goes through OpenNLP's chain itself, whose patterns treat code points in
 * ways not worth copying. Thread-safe.
 */
final class LanguageTextNormalizer {

  private static final CharSequenceNormalizer OPENNLP = new AggregateCharSequenceNormalizer(
      EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
      TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
      ShrinkCharSequenceNormalizer.getInstance());

  // OpenNLP's patterns for the rare steps, verbatim (UrlCharSequenceNormalizer, TwitterCharSequenceNormalizer)
  private static final Pattern URL = Pattern.compile("https?://[-_.?&~;+=/#0-9A-Za-z]+");
  private static final Pattern MAIL =
      Pattern.compile("(?<![-+_.0-9A-Za-z])[-+_.0-9A-Za-z]+@[-0-9A-Za-z]+[-.0-9A-Za-z]+");
  private static final Pattern HASH_USER = Pattern.compile("[#@]\\S+");
  private static final Pattern RT = Pattern.compile("\\b(rt[ :])+", Pattern.CASE_INSENSITIVE);
  private static final Pattern LAUGH = Pattern.compile("([hj])+([aieou])+(\\1+\\2+)+", Pattern.CASE_INSENSITIVE);

  String normalize(CharSequence text) {
    String s = text.toString();
    if (hasSurrogate(s)) {
      return OPENNLP.normalize(s).toString();
    }
    s = replaceEmojiClassRuns(s);
    if (s.contains("http://") || s.contains("https://")) {
      s = URL.matcher(s).replaceAll(" ");
    }
    if (s.indexOf('@') >= 0) {
      s = MAIL.matcher(s).replaceAll(" ");
    }
    if (s.indexOf('@') >= 0 || s.indexOf('#') >= 0) {
      s = HASH_USER.matcher(s).replaceAll(" ");
    }
    if (mayHoldRetweetMark(s)) {
      s = RT.matcher(s).replaceAll(" ");
    }
    s = replaceSmileys(s);
    if (mayHoldLaughter(s)) {
      s = LAUGH.matcher(s).replaceAll("$1$2$1$2");
    }
    s = replaceDigitRuns(s);
    s = shrinkWhitespaceRuns(s);
    s = shrinkRepeatedChars(s);
    return s.trim();
  }

  private static boolean hasSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * OpenNLP's emoji pattern {@code [\uD83C-\uDBFF\uDC00-\uDFFF]+}: Java reads {@code \uDBFF\uDC00} as one
   * code point (U+10FC00), so the class is U+D83C to U+10FC00 plus a literal '-' (and U+DFFF). Outside
   * surrogates that is '-' and U+E000 to U+FFFF: each run of them becomes one space.
   */
  private static boolean inEmojiClass(char c) {
    return c == '-' || c >= '\uE000';
  }

  private static String replaceEmojiClassRuns(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (inEmojiClass(c)) {
        if (out == null) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        out.append(' ');
        while (i + 1 < n && inEmojiClass(s.charAt(i + 1))) {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /**
   * Whether {@code \b(rt[ :])+} may match: some "rt" (any case) before ' ' or ':' that does not follow an
   * ASCII letter, digit or '_' (after one of those no JDK sees a word boundary).
   */
  private static boolean mayHoldRetweetMark(String s) {
    for (int i = 0; i + 2 < s.length(); i++) {
      char r = s.charAt(i);
      char t = s.charAt(i + 1);
      char after = s.charAt(i + 2);
      if ((r == 'r' || r == 'R') && (t == 't' || t == 'T') && (after == ' ' || after == ':')
          && (i == 0 || !isAsciiWordChar(s.charAt(i - 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** OpenNLP's {@code [:;x]-?[()dop]}, case-insensitive (ASCII), each match becoming a space. */
  private static String replaceSmileys(String s) {
    StringBuilder out = null;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int length = 0;
      if (c == ':' || c == ';' || c == 'x' || c == 'X') {
        if (i + 2 < n && s.charAt(i + 1) == '-' && isSmileyMouth(s.charAt(i + 2))) {
          length = 3;
        } else if (i + 1 < n && isSmileyMouth(s.charAt(i + 1))) {
          length = 2;
        }
      }
      if (length > 0) {
        if (out == null) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        out.append(' ');
        i += length;
      } else {
        if (out != null) {
          out.append(c);
        }
        i++;
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isSmileyMouth(char c) {
    return c == '(' || c == ')' || c == 'd' || c == 'D' || c == 'o' || c == 'O' || c == 'p' || c == 'P';
  }

  /**
   * Whether {@code ([hj])+([aieou])+(\1+\2+)+} may match: a run of h/j, then a run of vowels, then the
   * run's last h/j again (any case). Backtracking cannot help the pattern elsewhere: a shorter first run
   * leaves an h/j where a vowel must come, a shorter vowel run a vowel where the h/j must.
   */
  private static boolean mayHoldLaughter(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (!isLaughConsonant(s.charAt(i))) {
        i++;
        continue;
      }
      int k = i;
      while (k < n && isLaughConsonant(s.charAt(k))) {
        k++;
      }
      int m = k;
      while (m < n && isLaughVowel(s.charAt(m))) {
        m++;
      }
      if (m > k && m < n && asciiLower(s.charAt(m)) == asciiLower(s.charAt(k - 1))) {
        return true;
      }
      i = k;
    }
    return false;
  }

  private static boolean isLaughConsonant(char c) {
    char lower = asciiLower(c);
    return lower == 'h' || lower == 'j';
  }

  private static boolean isLaughVowel(char c) {
    char lower = asciiLower(c);
    return lower == 'a' || lower == 'i' || lower == 'e' || lower == 'o' || lower == 'u';
  }

  /** OpenNLP's {@code \d+} (ASCII digits), each run becoming a space. */
  private static String replaceDigitRuns(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (out == null) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        out.append(' ');
        while (i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** OpenNLP's {@code \s{2,}} (ASCII white space), each run of two or more becoming one space. */
  private static String shrinkWhitespaceRuns(String s) {
    StringBuilder out = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isRegexSpace(c) && i + 1 < n && isRegexSpace(s.charAt(i + 1))) {
        if (out == null) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        out.append(' ');
        while (i + 1 < n && isRegexSpace(s.charAt(i + 1))) {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * OpenNLP's {@code (.)\1{2,}} with {@code $1$1}, case-insensitive (ASCII): a char followed by two or
   * more equal ones is kept twice, as the first of them. {@code .} excludes line terminators.
   */
  private static String shrinkRepeatedChars(String s) {
    StringBuilder out = null;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      int end = i + 1;
      if (!isLineTerminator(c)) {
        char lower = asciiLower(c);
        while (end < n && asciiLower(s.charAt(end)) == lower) {
          end++;
        }
      }
      if (end - i >= 3) {
        if (out == null) {
          out = new StringBuilder(n).append(s, 0, i);
        }
        out.append(c).append(c);
        i = end;
      } else {
        if (out != null) {
          out.append(c);
        }
        i++;
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
