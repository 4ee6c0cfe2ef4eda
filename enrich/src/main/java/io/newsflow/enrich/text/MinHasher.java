package io.newsflow.enrich.text;

import io.newsflow.enrich.text.words.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * MinHash signatures of word shingles, and their LSH band keys for candidate search.
 *
 * <p>Each shingle (k consecutive tokens, stopwords kept so that word order matters) is hashed once
 * to a well-mixed 64-bit value h; slot i of the signature is the minimum over shingles of the top 32
 * bits of {@code a[i] * h + b[i]} (multiply-shift hashing: one multiply per slot, against a full
 * mixer per slot it is several times faster at no measurable cost in accuracy). The a[i] (odd) and
 * b[i] come from SplitMix64 on a fixed constant, so signatures are stable across runs and machines
 * and can be stored.
 *
 * <p>With the defaults (128 hashes, 32 bands of 4 rows) two texts share at least one band key with
 * probability {@code 1 - (1 - J^4)^32}: about 0.87 at Jaccard 0.5, 0.99+ at 0.7, 0.05 at 0.2. The
 * bands are chosen for a near-duplicate threshold of <b>Jaccard 0.5</b> on word 3-shingles (the
 * clustering's {@code nearDuplicateJaccard}): the S-curve crosses 0.5 at about J = 0.42, so pairs
 * at the threshold are found with high probability while unrelated articles (J under 0.1) almost
 * never collide; a candidate is then confirmed on the full signature.
 *
 * <p>Measured on the BBC corpus ({@code io.newsflow.benchmarks.LshErrorRates}, README "Benchmarks"):
 * 6,098 near-duplicate pairs (sentence drops, insertions and word substitutions at 5-50 %, plus the
 * 98 byte-identical pairs) and 20,000 same-topic non-duplicate pairs. False-positive rate
 * (non-duplicates with J &lt; 0.3 sharing a band): 0 of 19,997; false-negative rate (pairs with
 * J &ge; 0.5 sharing no band): 26 of 4,603 = 0.56 % (S-curve 0.60 %). Per Jaccard bucket the
 * measured candidate rate follows the S-curve within sampling noise (0.3-0.4: 0.41 vs 0.39;
 * 0.5-0.6: 0.957 vs 0.953).
 *
 * <p>Short texts: with fewer tokens than the shingle size, the tokens themselves are the shingles.
 * An empty text has no shingles; its signature is all {@link #EMPTY_SLOT} (the minimum of nothing),
 * it yields no band keys, and {@link #estimateJaccard} gives 0 against it, so empty texts never
 * become each other's near duplicates by accident.
 */
public final class MinHasher {

  public static final int DEFAULT_NUM_HASHES = 128;
  public static final int DEFAULT_SHINGLE_SIZE = 3;
  public static final int DEFAULT_BANDS = 32;

  /** Value of every slot of an empty text's signature. */
  public static final int EMPTY_SLOT = Integer.MAX_VALUE;

  private static final long SEED = 0x6e657773666c6f77L; // "newsflow"
  private static final long BAND_SEED = 0x62616e646b657973L; // "bandkeys"

  private final Tokenizer tokenizer;
  private final int shingleSize;
  private final int bands;
  private final int rows;
  private final long[] multipliers;
  private final long[] increments;

  public MinHasher() {
    this(DEFAULT_NUM_HASHES, DEFAULT_SHINGLE_SIZE, DEFAULT_BANDS);
  }

  /** @param numHashes signature length; must be a multiple of {@code bands} */
  public MinHasher(int numHashes, int shingleSize, int bands) {
    if (numHashes < 1 || shingleSize < 1 || bands < 1 || numHashes % bands != 0) {
      throw new IllegalArgumentException("need numHashes >= 1, shingleSize >= 1, bands >= 1 and numHashes % bands == 0,"
          + " got " + numHashes + ", " + shingleSize + ", " + bands);
    }
    this.tokenizer = new Tokenizer();
    this.shingleSize = shingleSize;
    this.bands = bands;
    this.rows = numHashes / bands;
    long[] seeds = Hash64.splitMix64(SEED, 2 * numHashes);
    this.multipliers = new long[numHashes];
    this.increments = new long[numHashes];
    for (int i = 0; i < numHashes; i++) {
      multipliers[i] = seeds[2 * i] | 1L;
      increments[i] = seeds[2 * i + 1];
    }
  }

  /** Signature of a clean text. */
  public int[] signature(String text) {
    return signatureOfTokens(tokenizer.tokenize(text));
  }

  /** Signature of tokens as produced by {@link Tokenizer} (stopwords included). */
  public int[] signatureOfTokens(List<String> tokens) {
    long[] shingles = shingleHashes(tokens);
    int[] signature = new int[multipliers.length];
    // slot by slot, four at a time: each minimum stays in a register across all shingles
    int i = 0;
    for (; i + 4 <= signature.length; i += 4) {
      long a0 = multipliers[i];
      long a1 = multipliers[i + 1];
      long a2 = multipliers[i + 2];
      long a3 = multipliers[i + 3];
      long b0 = increments[i];
      long b1 = increments[i + 1];
      long b2 = increments[i + 2];
      long b3 = increments[i + 3];
      int m0 = EMPTY_SLOT;
      int m1 = EMPTY_SLOT;
      int m2 = EMPTY_SLOT;
      int m3 = EMPTY_SLOT;
      for (long shingle : shingles) {
        m0 = Math.min(m0, (int) ((a0 * shingle + b0) >>> 32));
        m1 = Math.min(m1, (int) ((a1 * shingle + b1) >>> 32));
        m2 = Math.min(m2, (int) ((a2 * shingle + b2) >>> 32));
        m3 = Math.min(m3, (int) ((a3 * shingle + b3) >>> 32));
      }
      signature[i] = m0;
      signature[i + 1] = m1;
      signature[i + 2] = m2;
      signature[i + 3] = m3;
    }
    for (; i < signature.length; i++) {
      int m = EMPTY_SLOT;
      for (long shingle : shingles) {
        m = Math.min(m, (int) ((multipliers[i] * shingle + increments[i]) >>> 32));
      }
      signature[i] = m;
    }
    return signature;
  }

  /**
   * The shingles of a token list as the strings that get hashed: k tokens joined by a space, or the
   * tokens themselves when the text is shorter than k. Exposed so tests can compute exact Jaccard.
   */
  public List<String> shingles(List<String> tokens) {
    List<String> out = new ArrayList<>();
    if (tokens.size() < shingleSize) {
      out.addAll(tokens);
      return out;
    }
    StringBuilder sb = new StringBuilder();
    for (int start = 0; start + shingleSize <= tokens.size(); start++) {
      sb.setLength(0);
      for (int j = 0; j < shingleSize; j++) {
        if (j > 0) {
          sb.append(' ');
        }
        sb.append(tokens.get(start + j));
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Band keys "b&lt;band&gt;:&lt;16 hex digits&gt;", one per band; none for an empty text's signature. */
  public List<String> lshBands(int[] signature) {
    if (signature.length != multipliers.length) {
      throw new IllegalArgumentException("signature has " + signature.length + " slots, expected " + multipliers.length);
    }
    if (isEmptySignature(signature)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>(bands);
    for (int band = 0; band < bands; band++) {
      long h = Hash64.mix(BAND_SEED + band);
      for (int r = 0; r < rows; r++) {
        h = Hash64.mix(h ^ (signature[band * rows + r] & 0xffffffffL));
      }
      keys.add("b" + band + ":" + HexFormat.of().toHexDigits(h));
    }
    return keys;
  }

  /** Fraction of equal slots: an unbiased estimate of the Jaccard similarity of the shingle sets. */
  public static double estimateJaccard(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("signatures differ in length: " + a.length + " vs " + b.length);
    }
    if (a.length == 0 || isEmptySignature(a) || isEmptySignature(b)) {
      return 0.0;
    }
    int equal = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return (double) equal / a.length;
  }

  /** {@link Hash64#of} of each of {@link #shingles}, sorted, without repeats. */
  private long[] shingleHashes(List<String> tokens) {
    long[] hashes;
    if (tokens.size() < shingleSize) {
      hashes = new long[tokens.size()];
      for (int i = 0; i < hashes.length; i++) {
        hashes[i] = Hash64.of(tokens.get(i));
      }
    } else {
      hashes = new long[tokens.size() - shingleSize + 1];
      for (int start = 0; start < hashes.length; start++) {
        hashes[start] = Hash64.ofJoined(tokens, start, start + shingleSize);
      }
    }
    // repeated shingles cannot change a minimum; dropping them saves most of the work on boilerplate-heavy text
    Arrays.sort(hashes);
    int distinct = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (i == 0 || hashes[i] != hashes[i - 1]) {
        hashes[distinct++] = hashes[i];
      }
    }
    return Arrays.copyOf(hashes, distinct);
  }

  private static boolean isEmptySignature(int[] signature) {
    for (int slot : signature) {
      if (slot != EMPTY_SLOT) {
        return false;
      }
    }
    return true;
  }
}
