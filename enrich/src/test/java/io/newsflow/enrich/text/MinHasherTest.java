package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.enrich.text.words.Tokenizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHasherTest {

  private final MinHasher minHasher = new MinHasher();
  private final Tokenizer tokenizer = new Tokenizer();

  /** Exact Jaccard of 3-word shingle sets, computed here without the class under test. */
  private double exactJaccard(String a, String b) {
    Set<String> sa = shingles(a);
    Set<String> sb = shingles(b);
    Set<String> intersection = new HashSet<>(sa);
    intersection.retainAll(sb);
    Set<String> union = new HashSet<>(sa);
    union.addAll(sb);
    return (double) intersection.size() / union.size();
  }

  private Set<String> shingles(String text) {
    List<String> tokens = tokenizer.tokenize(text);
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 3 <= tokens.size(); i++) {
      out.add(tokens.get(i) + " " + tokens.get(i + 1) + " " + tokens.get(i + 2));
    }
    return out;
  }

  @Test
  void estimatedJaccardIsCloseToTheExactJaccard() {
    String halfAndHalf = Articles.SUMMIT.substring(0, Articles.SUMMIT.length() / 2)
        + " " + Articles.RATES.substring(Articles.RATES.length() / 2);
    List<String[]> pairs = List.of(
        new String[] {Articles.SUMMIT, Articles.SUMMIT_EDITED},
        new String[] {Articles.SUMMIT, halfAndHalf},
        new String[] {Articles.RATES, halfAndHalf},
        new String[] {Articles.SUMMIT, Articles.RATES});

    for (String[] pair : pairs) {
      double exact = exactJaccard(pair[0], pair[1]);
      double estimate = MinHasher.estimateJaccard(minHasher.signature(pair[0]), minHasher.signature(pair[1]));
      assertThat(estimate).as("exact %.3f", exact).isCloseTo(exact, within(0.1));
    }
    // the pairs really span the range, so the check above means something
    assertThat(exactJaccard(Articles.SUMMIT, Articles.SUMMIT_EDITED)).isGreaterThan(0.7);
    assertThat(exactJaccard(Articles.SUMMIT, halfAndHalf)).isBetween(0.2, 0.6);
    assertThat(exactJaccard(Articles.SUMMIT, Articles.RATES)).isLessThan(0.05);
  }

  @Test
  void aLightlyEditedCopySharesABandAndAnUnrelatedTextSharesNone() {
    List<String> original = minHasher.lshBands(minHasher.signature(Articles.SUMMIT));
    List<String> edited = minHasher.lshBands(minHasher.signature(Articles.SUMMIT_EDITED));
    List<String> unrelated = minHasher.lshBands(minHasher.signature(Articles.RATES));

    assertThat(edited).containsAnyElementsOf(original);
    assertThat(unrelated).doesNotContainAnyElementsOf(original);
  }

  @Test
  void bandKeysNameTheirBandAndHashTheRows() {
    List<String> bands = minHasher.lshBands(minHasher.signature(Articles.SUMMIT));

    assertThat(bands).hasSize(MinHasher.DEFAULT_BANDS).doesNotHaveDuplicates()
        .allMatch(key -> key.matches("b\\d{1,2}:[0-9a-f]{16}"));
    assertThat(bands.get(0)).startsWith("b0:");
    assertThat(bands.get(31)).startsWith("b31:");
  }

  @Test
  void equalRowsInDifferentBandsGiveDifferentKeys() {
    int[] constant = new int[128];
    java.util.Arrays.fill(constant, 7);

    List<String> bands = minHasher.lshBands(constant);

    assertThat(bands.stream().map(k -> k.substring(k.indexOf(':')))).doesNotHaveDuplicates();
  }

  @Test
  void signaturesAreStableAcrossInstances() {
    assertThat(new MinHasher().signature(Articles.SUMMIT)).isEqualTo(minHasher.signature(Articles.SUMMIT))
        .hasSize(MinHasher.DEFAULT_NUM_HASHES);
  }

  @Test
  void textsShorterThanAShingleUseTheirTokens() {
    int[] twoWords = minHasher.signature("Ceasefire agreed");

    assertThat(twoWords).doesNotContain(MinHasher.EMPTY_SLOT);
    assertThat(MinHasher.estimateJaccard(twoWords, minHasher.signature("ceasefire, AGREED!"))).isEqualTo(1.0);
    assertThat(MinHasher.estimateJaccard(twoWords, minHasher.signature("Ceasefire collapses"))).isBetween(0.1, 0.9);
    assertThat(minHasher.shingles(List.of("a", "b"))).containsExactly("a", "b");
    assertThat(minHasher.shingles(List.of("a", "b", "c", "d"))).containsExactly("a b c", "b c d");
  }

  @Test
  void emptyTextsNeverLookLikeDuplicates() {
    int[] empty = minHasher.signature("");

    assertThat(empty).containsOnly(MinHasher.EMPTY_SLOT);
    assertThat(minHasher.lshBands(empty)).isEmpty();
    assertThat(MinHasher.estimateJaccard(empty, minHasher.signature("  ...  "))).isZero();
    assertThat(MinHasher.estimateJaccard(empty, minHasher.signature(Articles.RATES))).isZero();
  }

  @Test
  void rejectsInconsistentParameters() {
    assertThatThrownBy(() -> new MinHasher(100, 3, 32)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> minHasher.lshBands(new int[64])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MinHasher.estimateJaccard(new int[2], new int[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
