package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseEvidenceTest {

  @Test
  void recordsCapitalsInMidSentenceAndWordsWrittenInLowerCase() {
    CaseEvidence evidence = new CaseEvidence();

    evidence.collect(CasedToken.scan("Visa rules changed. Officials at Visa said the visa office stays open."));

    assertThat(evidence.capitalisedMidSentence("Visa")).isTrue(); // "at Visa"
    assertThat(evidence.capitalisedMidSentence("Officials")).isFalse(); // opens a sentence
    assertThat(evidence.seenLowerCase("visa")).isTrue();
    assertThat(evidence.seenLowerCase("rules")).isTrue();
    assertThat(evidence.seenLowerCase("officials")).isFalse();
  }

  @Test
  void evidenceAddsUpOverParagraphs() {
    CaseEvidence evidence = new CaseEvidence();

    evidence.collect(CasedToken.scan("Shares fell."));
    evidence.collect(CasedToken.scan("Traders sold Shares and bonds."));

    assertThat(evidence.capitalisedMidSentence("Shares")).isTrue();
    assertThat(evidence.seenLowerCase("fell")).isTrue();
    assertThat(evidence.seenLowerCase("bonds")).isTrue();
  }
}
