package io.newsflow.enrich.text.entities;

import java.util.List;
import java.util.Locale;

/**
 * The observations the entity tagger weighs for each token of a paragraph, hashed into a fixed
 * number of buckets so the model needs no feature dictionary: the word and its neighbours, word
 * shape, prefixes and suffixes, sentence position, possessives, and the project's gazetteers
 * (known places and organisations matched longest-first, given names, person titles, keywords),
 * and what the rule-based reading of the article made of the token (see {@link EntityRecognizer}).
 * Features that depend on earlier decisions (the previous tags) are added by {@link EntityTagger}.
 */
public final class EntityFeatures {

  private static final long FNV_PRIME = 0x100000001B3L;

  private final Gazetteer gazetteer = Gazetteer.get();
  private final int mask;
  private final Constants constant;

  EntityFeatures(int bucketBits) {
    this.mask = (1 << bucketBits) - 1;
    this.constant = new Constants();
  }

  /** A paragraph's features: per token the buckets of its observations, and the word forms tag features pair with. */
  public record Observations(int[][] features, String[] lower, String[] shape) {}

  /** The observations of every token of a paragraph. */
  Observations extract(List<CasedToken> tokens, String[] ruleHints) {
    return extract(tokens, ruleHints, null);
  }

  /**
   * As {@link #extract(List, String[])}; tokens marked in {@code unseen} are read as words never seen
   * in training (their identity features are left out), which the trainer uses so the tagger learns
   * to name people and places it has not met from their shape and context.
   */
  public Observations extract(List<CasedToken> tokens, String[] ruleHints, boolean[] unseen) {
    return extract(tokens, ruleHints, unseen, tokens.size());
  }

  /**
   * As {@link #extract(List, String[], boolean[])} for the first {@code limit} tokens only, each still
   * read in the context of the whole paragraph: the same observations, without the cost of the rest.
   */
  Observations extract(List<CasedToken> tokens, String[] ruleHints, boolean[] unseen, int limit) {
    int n = tokens.size();
    // token i reads its neighbours up to i + 2: the rest of the paragraph need not be looked at
    int read = Math.min(n, limit + 2);
    String[] lower = new String[read];
    String[] shape = new String[read];
    for (int i = 0; i < read; i++) {
      lower[i] = normalise(tokens.get(i).text());
      shape[i] = shape(tokens.get(i).text());
    }
    long[] words = wordHashes(lower);
    String[] gazetteerNames = knownNames(tokens, Math.min(n, limit + 1));
    boolean capitalsLine = capitalsLine(tokens);
    // word-list flags of each token, looked up once though each token reads its neighbour's too
    int flagged = Math.min(n, limit + 1);
    boolean[] givenName = new boolean[flagged];
    boolean[] titleWord = new boolean[flagged];
    boolean[] orgSuffix = new boolean[flagged];
    for (int i = 0; i < flagged; i++) {
      String word = tokens.get(i).text();
      givenName[i] = gazetteer.isGivenName(word);
      titleWord[i] = gazetteer.isTitleWord(word);
      orgSuffix[i] = gazetteer.isOrgSuffix(word);
    }
    int[][] out = new int[limit][];
    Buffer f = new Buffer();
    for (int i = 0; i < limit; i++) {
      f.size = 0;
      CasedToken t = tokens.get(i);
      String l0 = lower[i];
      String lp1 = i + 1 < n ? lower[i + 1] : "</s>";
      int w = i * WORD_HASHES; // this word's hashes in words; a neighbour's are WORD_HASHES away per token
      String sm1 = i > 0 ? shape[i - 1] : "<s>";
      String sp1 = i + 1 < n ? shape[i + 1] : "</s>";
      f.add(constant.bias);
      boolean known = unseen == null || !unseen[i];
      if (known) {
        f.add(bucket(words[w + WORD]));
        f.add(h(2, t.text()));
      }
      f.add(h(3, shape[i]));
      for (int k = 1; k <= 3 && k < l0.length(); k++) {
        f.add(bucket(mix(seed(4 + k), l0, 0, k)));
      }
      for (int k = 1; k <= 4 && k < l0.length(); k++) {
        f.add(bucket(mix(seed(8 + k), l0, l0.length() - k, l0.length())));
      }
      f.add(i > 0 ? bucket(words[w - WORD_HASHES + PREVIOUS]) : constant.previousAtStart);
      f.add(i + 1 < n ? bucket(words[w + WORD_HASHES + NEXT]) : constant.nextAtEnd);
      f.add(i > 1 ? bucket(words[w - 2 * WORD_HASHES + SECOND_PREVIOUS]) : constant.secondPreviousAtStart);
      f.add(i + 2 < n ? bucket(words[w + 2 * WORD_HASHES + SECOND_NEXT]) : constant.secondNextAtEnd);
      f.add(h(17, sm1));
      f.add(h(18, sp1));
      f.add(h(19, sm1, shape[i], sp1));
      if (known) {
        f.add(bucket(mix(i > 0 ? words[w - WORD_HASHES + PAIR_WITH_NEXT] : constant.pairAfterStart, l0)));
        f.add(bucket(mix(words[w + PAIR_WITH_PREVIOUS], lp1)));
      }
      f.add(bucket(mix(t.sentenceStart() ? constant.sentenceStart : constant.sentenceInside, shape[i])));
      if (t.sentenceStart() && known) {
        f.add(h(23, l0));
      }
      if (t.possessive()) {
        f.add(constant.possessive);
      }
      if (i > 0 && tokens.get(i - 1).possessive()) {
        f.add(constant.afterPossessive);
      }
      f.add(h(26, gazetteerNames[i]));
      f.add(h(27, i > 0 ? gazetteerNames[i - 1] : "<s>"));
      f.add(h(28, i + 1 < n ? gazetteerNames[i + 1] : "</s>"));
      f.add(h(29, gazetteerNames[i], shape[i]));
      String word = t.text();
      if (givenName[i]) {
        f.add(constant.givenName);
      }
      if (i > 0 && givenName[i - 1]) {
        f.add(constant.afterGivenName);
      }
      if (titleWord[i]) {
        f.add(constant.titleWord);
      }
      if (i > 0 && titleWord[i - 1]) {
        f.add(h(33, shape[i]));
      }
      if (orgSuffix[i]) {
        f.add(constant.orgSuffix);
      }
      if (i + 1 < n && orgSuffix[i + 1]) {
        f.add(constant.beforeOrgSuffix);
      }
      if (gazetteer.isPlaceSuffix(word) || gazetteer.isPlacePrefix(word)) {
        f.add(constant.placeKeyword);
      }
      if (gazetteer.isNonEntity(word)) {
        f.add(gazetteer.isCalendarWord(word) ? constant.calendarWord : constant.otherNonEntity);
      }
      String hint = ruleHints[i];
      f.add(h(40, hint));
      f.add(h(41, i > 0 ? ruleHints[i - 1] : "<s>"));
      f.add(h(42, i + 1 < n ? ruleHints[i + 1] : "</s>"));
      f.add(h(43, hint, shape[i]));
      f.add(h(44, hint, gazetteerNames[i]));
      if (capitalsLine && known) {
        f.add(h(38, l0));
        f.add(h(39, gazetteerNames[i]));
      }
      out[i] = java.util.Arrays.copyOf(f.buckets, f.size);
    }
    return new Observations(out, lower, shape);
  }

  /** Per word, the hashes that read it alone, at these offsets of a run of {@link #WORD_HASHES}. */
  private static final int WORD = 0; // template 1: the word
  private static final int PREVIOUS = 1; // 13: the word before the token
  private static final int NEXT = 2; // 14: the word after
  private static final int SECOND_PREVIOUS = 3; // 15
  private static final int SECOND_NEXT = 4; // 16
  private static final int PAIR_WITH_NEXT = 5; // 20: (previous word, word), first part
  private static final int PAIR_WITH_PREVIOUS = 6; // 21: (word, next word), first part
  private static final int WORD_HASHES = 7;
  private static final long[] WORD_SEEDS = {seed(1), seed(13), seed(14), seed(15), seed(16), seed(20), seed(21)};

  /**
   * {@code mix(seed(template), word)} of every word for the seven templates above, the seven FNV
   * chains run side by side: each step waits on a multiply, and seven independent ones overlap where
   * seven loops one after another would wait on every one (hashing was 40 % of feature extraction).
   */
  private static long[] wordHashes(String[] lower) {
    long[] out = new long[lower.length * WORD_HASHES];
    for (int j = 0; j < lower.length; j++) {
      String word = lower[j];
      long h0 = WORD_SEEDS[0];
      long h1 = WORD_SEEDS[1];
      long h2 = WORD_SEEDS[2];
      long h3 = WORD_SEEDS[3];
      long h4 = WORD_SEEDS[4];
      long h5 = WORD_SEEDS[5];
      long h6 = WORD_SEEDS[6];
      for (int k = 0; k < word.length(); k++) {
        long c = word.charAt(k);
        h0 = (h0 ^ c) * FNV_PRIME;
        h1 = (h1 ^ c) * FNV_PRIME;
        h2 = (h2 ^ c) * FNV_PRIME;
        h3 = (h3 ^ c) * FNV_PRIME;
        h4 = (h4 ^ c) * FNV_PRIME;
        h5 = (h5 ^ c) * FNV_PRIME;
        h6 = (h6 ^ c) * FNV_PRIME;
      }
      int at = j * WORD_HASHES;
      out[at] = (h0 ^ 0xFF) * FNV_PRIME; // the separator, as in mix
      out[at + 1] = (h1 ^ 0xFF) * FNV_PRIME;
      out[at + 2] = (h2 ^ 0xFF) * FNV_PRIME;
      out[at + 3] = (h3 ^ 0xFF) * FNV_PRIME;
      out[at + 4] = (h4 ^ 0xFF) * FNV_PRIME;
      out[at + 5] = (h5 ^ 0xFF) * FNV_PRIME;
      out[at + 6] = (h6 ^ 0xFF) * FNV_PRIME;
    }
    return out;
  }

  /** The features that hash no word of the text, hashed once. */
  private final class Constants {
    final int bias = h(0, "");
    final int previousAtStart = h(13, "<s>");
    final int nextAtEnd = h(14, "</s>");
    final int secondPreviousAtStart = h(15, "<s>");
    final int secondNextAtEnd = h(16, "</s>");
    final long pairAfterStart = mix(seed(20), "<s>");
    final long sentenceStart = mix(seed(22), "start");
    final long sentenceInside = mix(seed(22), "inside");
    final int possessive = h(24, "");
    final int afterPossessive = h(25, "");
    final int givenName = h(30, "");
    final int afterGivenName = h(31, "");
    final int titleWord = h(32, "");
    final int orgSuffix = h(34, "");
    final int beforeOrgSuffix = h(35, "");
    final int placeKeyword = h(36, "");
    final int calendarWord = h(37, "calendar");
    final int otherNonEntity = h(37, "other");
  }

  /** Feature buckets of one token, reused across tokens. */
  private static final class Buffer {
    int[] buckets = new int[64];
    int size;

    void add(int bucket) {
      if (size == buckets.length) {
        buckets = java.util.Arrays.copyOf(buckets, size * 2);
      }
      buckets[size++] = bucket;
    }
  }

  /**
   * Per token of the first {@code needed}, "LOC-B", "ORG-I" ... where a known name starts or continues,
   * "-" elsewhere. Names in capitals ("WASHINGTON") match in lines of capitals only, where case carries
   * no signal. Matches run left to right, so those starting after {@code needed} change none of these.
   */
  private String[] knownNames(List<CasedToken> tokens, int needed) {
    int n = tokens.size();
    String[] known = new String[needed];
    java.util.Arrays.fill(known, "-");
    int longest = gazetteer.longestName();
    int i = 0;
    while (i < needed) {
      CasedToken first = tokens.get(i);
      int matched = 0;
      if (first.word() && (first.capitalised() || first.allCaps())) {
        StringBuilder surface = new StringBuilder();
        for (int len = 1; len <= longest && i + len <= n; len++) {
          if (len > 1 && !mayContinueName(tokens.get(i + len - 1))) {
            break;
          }
          if (len > 1) {
            surface.append(' ');
          }
          surface.append(tokens.get(i + len - 1).text());
          Gazetteer.Entry entry = gazetteer.lookup(surface.toString());
          if (entry == null && first.allCaps() && surface.length() >= 4) {
            entry = gazetteer.lookupUpperCase(surface.toString());
          }
          if (entry != null) {
            String type = IobTags.typeName(entry.kind());
            known[i] = type + "-B";
            for (int k = i + 1; k < Math.min(i + len, needed); k++) {
              known[k] = type + "-I";
            }
            matched = len;
          }
        }
      }
      i += Math.max(matched, 1);
    }
    return known;
  }

  /** Names continue with words, "&amp;" and short connectors ("Bank of England", "Trinidad and Tobago"). */
  private static boolean mayContinueName(CasedToken t) {
    if (!t.word()) {
      return t.text().equals("&");
    }
    return t.capitalised() || t.allCaps() || t.text().length() <= 3;
  }

  /** A headline or dateline in capitals, where capitalisation says nothing. */
  private static boolean capitalsLine(List<CasedToken> tokens) {
    int words = 0;
    int caps = 0;
    for (CasedToken t : tokens) {
      if (t.word() && Character.isLetter(t.text().charAt(0))) {
        words++;
        if (t.allCaps()) {
          caps++;
        }
      }
    }
    return words > 0 && caps >= 0.8 * words;
  }

  /** Lower case with every digit as 0: "1,00,000" and "100,000" read alike. */
  static String normalise(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    boolean digits = false;
    for (int k = 0; k < lower.length() && !digits; k++) {
      digits = Character.isDigit(lower.charAt(k));
    }
    if (!digits) {
      return lower;
    }
    char[] chars = lower.toCharArray();
    for (int k = 0; k < chars.length; k++) {
      if (Character.isDigit(chars[k])) {
        chars[k] = '0';
      }
    }
    return new String(chars);
  }

  /** "Xx" for "Putin", "X.X." for "U.S.", "d-x" for "19-year": classes of characters, repeats collapsed. */
  static String shape(String word) {
    StringBuilder sb = new StringBuilder(8);
    char last = 0;
    for (int k = 0; k < word.length(); k++) {
      char c = word.charAt(k);
      char cls = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
      if (cls != last) {
        sb.append(cls);
        last = cls;
      }
    }
    return sb.toString();
  }

  int h(int template, String a) {
    return bucket(mix(seed(template), a));
  }

  int h(int template, String a, String b) {
    return bucket(mix(mix(seed(template), a), b));
  }

  int h(int template, String a, String b, String c) {
    return bucket(mix(mix(mix(seed(template), a), b), c));
  }

  /** A tag-dependent feature: template and an earlier decision, with an optional observation. */
  int h(int template, int tag, String a) {
    return bucket(mix(seed(template * 31 + tag), a));
  }

  private static long seed(int template) {
    return 0xCBF29CE484222325L ^ (template * 0x9E3779B97F4A7C15L);
  }

  private static long mix(long h, String s) {
    return mix(h, s, 0, s.length());
  }

  /** Hashes characters [from, to) of s: a prefix or suffix without allocating a substring. */
  private static long mix(long h, String s, int from, int to) {
    for (int k = from; k < to; k++) {
      h = (h ^ s.charAt(k)) * FNV_PRIME;
    }
    return (h ^ 0xFF) * FNV_PRIME; // separator: ("ab","c") and ("a","bc") differ
  }

  private int bucket(long h) {
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return (int) h & mask;
  }
}
