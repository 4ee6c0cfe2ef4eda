package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.words.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateRunsTest {

  /** The runs found in a paragraph, each as "surface|previous word". */
  private static List<String> runs(String paragraph, boolean strict) {
    List<CasedToken> tokens = CasedToken.scan(paragraph);
    CaseEvidence evidence = new CaseEvidence();
    evidence.collect(tokens);
    List<String> out = new ArrayList<>();
    new CandidateRuns(Gazetteer.get(), new Tokenizer(), evidence, strict)
        .find(tokens, (run, previous) -> out.add(NameRuns.surfaceOf(run) + "|" + previous));
    return out;
  }

  @Test
  void runsJoinCapitalisedWordsAcrossConnectorsAndEndAtAPossessive() {
    assertThat(runs("Officials met Ursula von der Leyen and the Bank of England's governor in Frankfurt.", false))
        .containsExactly("Ursula von der Leyen|met", "Bank of England|the", "Frankfurt|in");
  }

  @Test
  void aSentenceInitialWordStaysWhenTheArticleCapitalisesItElsewhere() {
    // "Zorvath" opens the first sentence but is capitalised mid-sentence later; "Analysts" is not
    assertThat(runs("Zorvath said it would sell. Analysts doubted Zorvath.", false))
        .containsExactly("Zorvath|", "Zorvath|doubted");
  }

  @Test
  void aSentenceInitialStopwordIsDroppedAndBecomesThePreviousWord() {
    assertThat(runs("The Zorvath Capital board met.", false)).containsExactly("Zorvath Capital|the");
  }

  @Test
  void inGermanTwoCapitalisedWordsAtASentenceStartDoNotKeepTheFirst() {
    // "Regierung" is neither known nor seen in mid-sentence: only the rest of the run is kept
    assertThat(runs("Regierung Scholz verliert.", true)).containsExactly("Scholz|regierung");
    assertThat(runs("Regierung Scholz verliert.", false)).containsExactly("Regierung Scholz|");
  }
}
