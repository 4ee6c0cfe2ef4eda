package io.newsflow.enrich.text;

import io.newsflow.enrich.text.words.Tokenizer;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * 64-bit SimHash (Charikar) over content words: each non-stopword token votes on every bit with its
 * term frequency, by the sign of that bit in the token's 64-bit hash. Texts that share most of their
 * words get fingerprints a few bits apart; unrelated texts differ in about 32 bits.
 */
public final class SimHasher {

  private final Tokenizer tokenizer;

  public SimHasher() {
    this(new Tokenizer());
  }

  public SimHasher(Tokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** SimHash of a clean text. */
  public long simHash(String text) {
    return simHashTokens(tokenizer.tokenize(text));
  }

  /** SimHash of tokens as produced by {@link Tokenizer}; 0 when there is no content word. */
  public long simHashTokens(List<String> tokens) {
    // iteration order does not matter: the votes are integer sums
    Map<String, Integer> termFrequency = new HashMap<>();
    for (String token : tokens) {
      if (!tokenizer.isStopword(token)) {
        termFrequency.merge(token, 1, Integer::sum);
      }
    }
    long[] votes = new long[64];
    for (Map.Entry<String, Integer> feature : termFrequency.entrySet()) {
      long hash = Hash64.of(feature.getKey());
      int weight = feature.getValue();
      for (int bit = 0; bit < 64; bit++) {
        votes[bit] += ((hash >>> bit) & 1L) != 0 ? weight : -weight;
      }
    }
    long fingerprint = 0L;
    for (int bit = 0; bit < 64; bit++) {
      if (votes[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  /** Number of differing bits. */
  public static int hammingDistance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
