package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimHasherTest {

  private final SimHasher simHasher = new SimHasher();

  @Test
  void aLightlyEditedCopyIsCloseAndAnUnrelatedArticleIsFar() {
    long original = simHasher.simHash(Articles.SUMMIT);
    long edited = simHasher.simHash(Articles.SUMMIT_EDITED);
    long unrelated = simHasher.simHash(Articles.RATES);

    assertThat(SimHasher.hammingDistance(original, edited)).isLessThanOrEqualTo(10);
    assertThat(SimHasher.hammingDistance(original, unrelated)).isGreaterThan(20);
    assertThat(SimHasher.hammingDistance(edited, unrelated)).isGreaterThan(20);
  }

  @Test
  void ignoresStopwordsCaseAndPunctuation() {
    assertThat(simHasher.simHash("The missiles were moved to the border, officials said."))
        .isEqualTo(simHasher.simHash("missiles MOVED border officials"));
  }

  @Test
  void isStableAcrossInstancesBecauseFingerprintsAreStored() {
    assertThat(new SimHasher().simHash(Articles.SUMMIT)).isEqualTo(simHasher.simHash(Articles.SUMMIT));
  }

  @Test
  void aTextWithoutContentWordsHasTheZeroFingerprint() {
    assertThat(simHasher.simHash("")).isZero();
    assertThat(simHasher.simHash("and the of")).isZero();
  }

  @Test
  void hammingDistanceCountsDifferingBits() {
    assertThat(SimHasher.hammingDistance(0L, 0L)).isZero();
    assertThat(SimHasher.hammingDistance(0b1011L, 0b0001L)).isEqualTo(2);
    assertThat(SimHasher.hammingDistance(0L, -1L)).isEqualTo(64);
  }
}
