package io.newsflow.enrich.text;

import java.util.Arrays;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;

/**
 * OpenNLP's language-detection maxent model evaluated from flat tables: the same probabilities as
 * {@code LanguageDetectorME.predictLanguages}, about ten times cheaper. OpenNLP builds a set of
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
  /** Open-addressing table: packed n-gram key (0 = empty) and its predicate index. */
  private final long[] keys;
  private final int[] predicates;
  private final int mask;
  /** Predicate p's weights are {@code weights[starts[p] .. starts[p + 1])} for outcomes {@code outcomeIds[...]}. */
  private final int[] starts;
  private final byte[] outcomeIds;
  private final double[] weights;
  private final LanguageTextNormalizer normalizer = new LanguageTextNormalizer();
  private final ThreadLocal<Scratch> scratch;

  private CharNgramLanguageModel(String[] outcomes, Map<String, Context> predicateMap) {
    if (outcomes.length > 256) {
      throw new IllegalArgumentException("model has " + outcomes.length + " outcomes; at most 256 fit a byte");
    }
    this.outcomes = outcomes.clone();
    this.logPrior = StrictMath.log(1.0 / outcomes.length);
    int capacity = Integer.highestOneBit(Math.max(16, predicateMap.size() * 2 - 1)) << 1;
    this.keys = new long[capacity];
    this.predicates = new int[capacity];
    this.mask = capacity - 1;
    int entries = 0;
    int usable = 0;
    for (Map.Entry<String, Context> e : predicateMap.entrySet()) {
      if (!e.getKey().isEmpty() && e.getKey().length() <= MAX_GRAM) {
        entries += e.getValue().getOutcomes().length;
        usable++;
      }
    }
    this.starts = new int[usable + 1];
    this.outcomeIds = new byte[entries];
    this.weights = new double[entries];
    int predicate = 0;
    int at = 0;
    for (Map.Entry<String, Context> e : predicateMap.entrySet()) {
      String gram = e.getKey();
      // longer predicates can never match a context of 1- to 3-grams
      if (gram.isEmpty() || gram.length() > MAX_GRAM) {
        continue;
      }
      int[] ids = e.getValue().getOutcomes();
      double[] params = e.getValue().getParameters();
      starts[predicate] = at;
      for (int i = 0; i < ids.length; i++) {
        outcomeIds[at] = (byte) ids[i];
        weights[at] = params[i];
        at++;
      }
      insert(pack(gram), predicate);
      predicate++;
    }
    starts[usable] = at;
    int predicateCount = usable;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(predicateCount));
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
    int stamp = s.nextStamp();
    char[] chars = s.chars;
    for (int start = 0; start < length; start++) {
      long key = 0;
      for (int n = 1; n <= MAX_GRAM && start + n <= length; n++) {
        key = (key << 16) | chars[start + n - 1];
        int predicate = find(key | ((long) n << 48));
        if (predicate >= 0 && s.seen[predicate] != stamp) {
          s.seen[predicate] = stamp;
          for (int i = starts[predicate], end = starts[predicate + 1]; i < end; i++) {
            scores[outcomeIds[i] & 0xFF] += weights[i];
          }
        }
      }
    }
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

  private void insert(long key, int predicate) {
    int i = slot(key) & mask;
    while (keys[i] != 0) {
      if (keys[i] == key) {
        throw new IllegalStateException("predicate listed twice in the model");
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    predicates[i] = predicate;
  }

  private int find(long key) {
    int i = slot(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return predicates[i];
      }
      if (k == 0) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Per-thread buffers: the lower-cased text, and which predicates this call has counted already. */
  private static final class Scratch {
    final int[] seen;
    char[] chars = new char[1024];
    int stamp;

    Scratch(int predicates) {
      seen = new int[predicates];
    }

    char[] chars(int length) {
      if (chars.length < length) {
        chars = Arrays.copyOf(chars, Math.max(length, chars.length * 2));
      }
      return chars;
    }

    int nextStamp() {
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(seen, 0);
        stamp = 1;
      }
      return stamp;
    }
  }
}
