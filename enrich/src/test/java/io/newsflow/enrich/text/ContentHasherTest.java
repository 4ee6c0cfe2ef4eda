package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentHasherTest {

  private final ContentHasher hasher = new ContentHasher();

  @Test
  void isTheSha256OfTheLowerCasedWordsJoinedBySpaces() {
    // SHA-256("hello world"), a published test vector
    assertThat(hasher.hash("Hello,   WORLD!"))
        .isEqualTo("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
  }

  @Test
  void reSpacingReWrappingAndCaseDoNotChangeTheHash() {
    String original = "The central bank raised rates by half a point.\nMarkets had expected a smaller move.";
    String reSpaced = "  the central  bank raised rates\tby half a point .\n\n\nMarkets had expected\na smaller move. ";

    assertThat(hasher.hash(reSpaced)).isEqualTo(hasher.hash(original));
  }

  @Test
  void aOneWordChangeChangesTheHash() {
    String original = "The central bank raised rates by half a point.";
    String edited = "The central bank raised rates by a quarter point.";

    assertThat(hasher.hash(edited)).isNotEqualTo(hasher.hash(original)).hasSize(64).matches("[0-9a-f]{64}");
  }
}
