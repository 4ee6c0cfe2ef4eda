package io.newsflow.enrich.text.language;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * OpenNLP's language-detection maxent model evaluated from flat tables: the same probabilities as
 * {@code LanguageDetectorME.predictLanguages}, about five times cheaper. OpenNLP builds a set of
 * {@code CharBuffer} n-grams, a {@code HashMap} of counts and a {@code String} per n-gram, then looks each
 * up in a map of predicates; here an n-gram of 1 to 3 chars is packed into a {@code long} and looked up
 * in an open-addressing table, and each predicate's weights are summed straight from arrays.
 *
 * <p>The context is OpenNLP's {@code DefaultLanguageDetectorContextGenerator} as its
 * {@code LanguageDetectorFactory} configures it: the text through {@link LanguageTextNormalizer}, lower-cased
 * per code point, every distinct char n-gram of length 1 to 3, each counting once. The evaluation is
 * {@code GISModel.eval}: uniform log prior plus the summed weights, then softmax. Thread-safe.
 */
final class CharNgramLanguageModel {

  /** OpenNLP's factory asks for n-grams of 1 to 3 chars. */
  static final int MAX_GRAM = 3;

  private final String[] outcomes;
  private final double logPrior;
  /**
   * A predicate with at least this many outcomes keeps a weight for every outcome: a text's dense rows
   * are summed together four outcomes at a time ({@link #addRows}), which costs less than this many
   * scattered adds. The common 1- and 2-grams carry weights for most of the 103 languages and make up
   * most of the work.
   */
  static final int DENSE_FROM = 32;
  private static final int DENSE = -1;

  /**
   * Open-addressing table, key and value side by side so one look-up touches one cache line: at
   * {@code 2 * slot} the packed n-gram (0 = empty), at {@code 2 * slot + 1} where its weights start
   * (high 32 bits) and how many there are (low 32 bits), or {@link #DENSE} for a row of {@link #dense}.
   */
  private final long[] table;
  private final int mask;
  /** A sparse predicate's weights, {@code weights[start .. start + count)}, for outcomes {@code outcomeIds[...]}. */
  private final byte[] outcomeIds;
  private final double[] weights;
  /** Dense predicates' weights, one row of {@code outcomes.length} each, starting at {@code start}. */
  private final double[] dense;
  private final LanguageTextNormalizer normalizer = new LanguageTextNormalizer();
  private final ThreadLocal<Scratch> scratch;

  private CharNgramLanguageModel(String[] outcomes, Map<String, Context> predicateMap) {
    if (outcomes.length > 256) {
      throw new IllegalArgumentException("model has " + outcomes.length + " outcomes; at most 256 fit a byte");
    }
    this.outcomes = outcomes.clone();
    this.logPrior = StrictMath.log(1.0 / outcomes.length);
    // a power of two at most about 60 % full: short probe runs, 4 MB for the 146,000 n-grams of langdetect-183
    int capacity = Integer.highestOneBit(Math.max(16, predicateMap.size() * 3 / 2)) << 1;
    this.table = new long[2 * capacity];
    this.mask = capacity - 1;
    int sparseEntries = 0;
    int denseRows = 0;
    for (Map.Entry<String, Context> e : predicateMap.entrySet()) {
      int count = e.getValue().getOutcomes().length;
      if (!e.getKey().isEmpty() && e.getKey().length() <= MAX_GRAM) {
        if (count >= DENSE_FROM) {
          denseRows++;
        } else {
          sparseEntries += count;
        }
      }
    }
    this.outcomeIds = new byte[sparseEntries];
    this.weights = new double[sparseEntries];
    this.dense = new double[Math.multiplyExact(denseRows, outcomes.length)];
    int sparseAt = 0;
    int denseAt = 0;
    for (Map.Entry<String, Context> e : predicateMap.entrySet()) {
      String gram = e.getKey();
      // longer predicates can never match a context of 1- to 3-grams
      if (gram.isEmpty() || gram.length() > MAX_GRAM) {
        continue;
      }
      int[] ids = e.getValue().getOutcomes();
      double[] params = e.getValue().getParameters();
      if (ids.length >= DENSE_FROM) {
        insert(pack(gram), ((long) denseAt << 32) | (DENSE & 0xFFFFFFFFL));
        for (int i = 0; i < ids.length; i++) {
          dense[denseAt + ids[i]] += params[i];
        }
        denseAt += outcomes.length;
      } else {
        insert(pack(gram), ((long) sparseAt << 32) | ids.length);
        for (int i = 0; i < ids.length; i++) {
          outcomeIds[sparseAt] = (byte) ids[i];
          weights[sparseAt] = params[i];
          sparseAt++;
        }
      }
    }
    this.scratch = ThreadLocal.withInitial(Scratch::new);
  }

  /** Reads the tables of an OpenNLP GIS model (as {@code LanguageDetectorModel.getMaxentModel()} returns it). */
  @SuppressWarnings("unchecked")
  static CharNgramLanguageModel of(MaxentModel model) {
    if (!(model instanceof AbstractModel abstractModel)) {
      throw new IllegalArgumentException("not an OpenNLP GIS model: " + model.getClass().getName());
    }
    Object[] parts = abstractModel.getDataStructures();
    return new CharNgramLanguageModel((String[]) parts[2], (Map<String, Context>) parts[1]);
  }

  int outcomeCount() {
    return outcomes.length;
  }

  /** The model's name of outcome {@code index} (an ISO 639-3 code). */
  String outcome(int index) {
    return outcomes[index];
  }

  /** Probability of every outcome for the text, indexed like {@link #outcome(int)}; they sum to 1. */
  double[] probabilities(CharSequence text) {
    Scratch s = scratch.get();
    int length = lowerCase(normalizer.normalize(text), s);
    double[] scores = new double[outcomes.length];
    Arrays.fill(scores, logPrior);
    int stamp = s.nextStamp(MAX_GRAM * length);
    char[] chars = s.chars;
    int denseRows = 0;
    for (int start = 0; start < length; start++) {
      long key = 0;
      for (int n = 1; n <= MAX_GRAM && start + n <= length; n++) {
        key = (key << 16) | chars[start + n - 1];
        int slot = find(key | ((long) n << 48));
        // each distinct n-gram counts once, as in OpenNLP's set of n-grams
        if (slot >= 0 && s.firstTime(slot, stamp)) {
          long value = table[2 * slot + 1];
          int from = (int) (value >>> 32);
          int count = (int) value;
          if (count == DENSE) {
            s.rows(denseRows + 1)[denseRows++] = from;
          } else {
            for (int i = from, end = from + count; i < end; i++) {
              scores[outcomeIds[i] & 0xFF] += weights[i];
            }
          }
        }
      }
    }
    addRows(scores, s.rows, denseRows);
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      scores[i] = StrictMath.exp(scores[i]);
      sum += scores[i];
    }
    for (int i = 0; i < scores.length; i++) {
      scores[i] /= sum;
    }
    return scores;
  }

  /**
   * Adds the dense rows starting at {@code rows[0 .. count)}, four outcomes at a time down all rows:
   * four independent sums in registers instead of a load and store of every score per row (the
   * JDK 17 compiler does not vectorise a row-by-row loop over two arrays that might alias).
   */
  private void addRows(double[] scores, int[] rows, int count) {
    int width = scores.length;
    int j = 0;
    for (; j + 4 <= width; j += 4) {
      double a0 = 0;
      double a1 = 0;
      double a2 = 0;
      double a3 = 0;
      for (int r = 0; r < count; r++) {
        int at = rows[r] + j;
        a0 += dense[at];
        a1 += dense[at + 1];
        a2 += dense[at + 2];
        a3 += dense[at + 3];
      }
      scores[j] += a0;
      scores[j + 1] += a1;
      scores[j + 2] += a2;
      scores[j + 3] += a3;
    }
    for (; j < width; j++) {
      double a = 0;
      for (int r = 0; r < count; r++) {
        a += dense[rows[r] + j];
      }
      scores[j] += a;
    }
  }

  /** {@code StringUtil.toLowerCaseCharBuffer}: {@link Character#toLowerCase(int)} per code point. */
  private static int lowerCase(CharSequence text, Scratch s) {
    int length = text.length();
    char[] out = s.chars(length);
    int at = 0;
    for (int i = 0; i < length; ) {
      char c = text.charAt(i);
      if (c < 128) {
        out[at++] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
        i++;
        continue;
      }
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      int lower = Character.toLowerCase(cp);
      if (Character.isBmpCodePoint(lower)) {
        out[at++] = (char) lower;
      } else {
        out = s.chars(at + 2 + (length - i));
        out[at++] = Character.highSurrogate(lower);
        out[at++] = Character.lowSurrogate(lower);
      }
    }
    return at;
  }

  /** Chars of an n-gram, 16 bits each, with the length above them: unique and never 0. */
  private static long pack(String gram) {
    long key = 0;
    for (int i = 0; i < gram.length(); i++) {
      key = (key << 16) | gram.charAt(i);
    }
    return key | ((long) gram.length() << 48);
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  private void insert(long key, long value) {
    int i = slot(key) & mask;
    while (table[2 * i] != 0) {
      if (table[2 * i] == key) {
        throw new IllegalStateException("predicate listed twice in the model");
      }
      i = (i + 1) & mask;
    }
    table[2 * i] = key;
    table[2 * i + 1] = value;
  }

  /** The slot of an n-gram, or -1 when the model does not know it. */
  private int find(long key) {
    int i = slot(key) & mask;
    while (true) {
      long k = table[2 * i];
      if (k == key) {
        return i;
      }
      if (k == 0) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Per-thread buffers: the lower-cased text, which table slots this call has counted already, and
   * where the dense rows of its n-grams start. The counted slots are a small open-addressing set
   * sized for the call's n-grams, so that checking one stays in the nearest cache instead of reading
   * a flag per table slot (a megabyte, read at random).
   */
  private static final class Scratch {
    int[] countedSlots = new int[4096];
    int[] countedStamps = new int[4096];
    char[] chars = new char[1024];
    int[] rows = new int[512];
    int stamp;

    char[] chars(int length) {
      if (chars.length < length) {
        chars = Arrays.copyOf(chars, Math.max(length, chars.length * 2));
      }
      return chars;
    }

    int[] rows(int size) {
      if (rows.length < size) {
        rows = Arrays.copyOf(rows, rows.length * 2);
      }
      return rows;
    }

    /** A new call's stamp, with room for {@code ngrams} counted slots at most half full. */
    int nextStamp(int ngrams) {
      if (countedSlots.length < 2 * ngrams) {
        int size = Integer.highestOneBit(2 * ngrams) << 1;
        countedSlots = new int[size];
        countedStamps = new int[size];
      }
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(countedStamps, 0);
        stamp = 1;
      }
      return stamp;
    }

    /** Whether this call meets table slot {@code slot} for the first time; it is counted from now on. */
    boolean firstTime(int slot, int stamp) {
      int mask = countedSlots.length - 1;
      int i = (slot * 0x9E3779B1) & mask;
      while (countedStamps[i] == stamp) {
        if (countedSlots[i] == slot) {
          return false;
        }
        i = (i + 1) & mask;
      }
      countedStamps[i] = stamp;
      countedSlots[i] = slot;
      return true;
    }
  }
}
