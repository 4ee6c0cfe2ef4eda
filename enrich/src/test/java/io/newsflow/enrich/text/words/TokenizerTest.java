package io.newsflow.enrich.text.words;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

  private final Tokenizer tokenizer = new Tokenizer();

  @Test
  void lowerCasesAndSplitsOnPunctuationAndHyphens() {
    assertThat(tokenizer.tokenize("The U.S.-led coalition, in 2024, said: \"No!\""))
        .containsExactly("the", "u", "s", "led", "coalition", "in", "2024", "said", "no");
  }

  @Test
  void keepsApostrophesInsideWordsAndDropsPossessives() {
    assertThat(tokenizer.tokenize("Putin's aides don't trust O'Brien\u2019s plan; the dogs' owners"))
        .containsExactly("putin", "aides", "don't", "trust", "o'brien", "plan", "the", "dogs", "owners");
  }

  @Test
  void isUnicodeAware() {
    assertThat(tokenizer.tokenize("Müller traf Ŝvejk in Zürich; Москва ответила. Café naïve"))
        .containsExactly("müller", "traf", "ŝvejk", "in", "zürich", "москва", "ответила", "café", "naïve");
  }

  @Test
  void keepsCombiningMarksInsideWords() {
    assertThat(tokenizer.tokenize("cafe\u0301 au lait")).containsExactly("cafe\u0301", "au", "lait");
  }

  @Test
  void emptyAndPunctuationOnlyTextsHaveNoTokens() {
    assertThat(tokenizer.tokenize("")).isEmpty();
    assertThat(tokenizer.tokenize(" -- !!! ... ")).isEmpty();
  }

  @Test
  void stopwordsAreCommonEnglishFunctionWordsNotContentWords() {
    assertThat(tokenizer.stopwords()).hasSizeBetween(150, 260)
        .contains("the", "and", "of", "would", "said", "don't")
        .doesNotContain("putin", "bank", "election", "market");
    assertThat(tokenizer.isStopword("between")).isTrue();
    assertThat(tokenizer.isStopword("missile")).isFalse();
  }
}
