package io.newsflow.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Controlled edits that turn one article into a near duplicate, the way copies drift in the wild:
 * an outlet trims sentences, adds its own, or rewords. Rates are per sentence or per word.
 */
final class Edits {

  private Edits() {}

  static List<String> sentences(String text) {
    return new ArrayList<>(Arrays.asList(text.strip().split("(?<=[.!?\"])\\s+")));
  }

  /** Drops each sentence with probability {@code rate}, keeping at least one. */
  static String dropSentences(String text, double rate, Random random) {
    List<String> kept = new ArrayList<>();
    List<String> all = sentences(text);
    for (String s : all) {
      if (random.nextDouble() >= rate) {
        kept.add(s);
      }
    }
    return kept.isEmpty() ? all.get(0) : String.join(" ", kept);
  }

  /** After each sentence, with probability {@code rate}, inserts a sentence taken from {@code donor}. */
  static String insertSentences(String text, double rate, String donor, Random random) {
    List<String> extra = sentences(donor);
    List<String> out = new ArrayList<>();
    for (String s : sentences(text)) {
      out.add(s);
      if (random.nextDouble() < rate) {
        out.add(extra.get(random.nextInt(extra.size())));
      }
    }
    return String.join(" ", out);
  }

  /** Replaces each word with probability {@code rate} by a word of {@code donor}. */
  static String substituteWords(String text, double rate, String donor, Random random) {
    String[] pool = donor.split("\\s+");
    String[] words = text.split("\\s+");
    for (int i = 0; i < words.length; i++) {
      if (random.nextDouble() < rate) {
        words[i] = pool[random.nextInt(pool.length)];
      }
    }
    return String.join(" ", words);
  }
}
