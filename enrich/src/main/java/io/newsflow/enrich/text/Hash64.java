package io.newsflow.enrich.text;

import java.util.List;

/**
 * The 64-bit hashing used by the fingerprints: FNV-1a over UTF-16 code units followed by the
 * MurmurHash3 finaliser. FNV-1a alone avalanches poorly in the high bits, which SimHash reads
 * bit by bit; the finaliser fixes that. Stable across JVMs and releases (unlike String.hashCode
 * mixing or HashMap order), because stored fingerprints must stay comparable.
 */
final class Hash64 {

  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  private Hash64() {}

  /** Hash of a string. */
  static long of(CharSequence s) {
    return of(s, 0L);
  }

  /** Hash of a string under a seed, so that different uses get independent hash functions. */
  static long of(CharSequence s, long seed) {
    long h = FNV_OFFSET_BASIS ^ mix(seed);
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return mix(h ^ s.length());
  }

  /**
   * {@link #of(CharSequence)} of {@code words[from .. to)} joined by single spaces, without building
   * the joined string.
   */
  static long ofJoined(List<String> words, int from, int to) {
    long h = FNV_OFFSET_BASIS ^ mix(0L);
    int length = 0;
    for (int w = from; w < to; w++) {
      if (w > from) {
        h ^= ' ';
        h *= FNV_PRIME;
        length++;
      }
      String word = words.get(w);
      for (int i = 0; i < word.length(); i++) {
        h ^= word.charAt(i);
        h *= FNV_PRIME;
      }
      length += word.length();
    }
    return mix(h ^ length);
  }

  /** MurmurHash3 fmix64: a bijective 64-bit mixer with full avalanche. */
  static long mix(long z) {
    z ^= z >>> 33;
    z *= 0xff51afd7ed558ccdL;
    z ^= z >>> 33;
    z *= 0xc4ceb9fe1a85ec53L;
    z ^= z >>> 33;
    return z;
  }

  /** Successive SplitMix64 outputs from a fixed seed: reproducible, well-spread hash seeds. */
  static long[] splitMix64(long seed, int count) {
    long[] out = new long[count];
    long state = seed;
    for (int i = 0; i < count; i++) {
      state += GOLDEN_GAMMA;
      long z = state;
      z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
      z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
      out[i] = z ^ (z >>> 31);
    }
    return out;
  }
}
