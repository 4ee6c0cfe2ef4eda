package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTypingTest {

  /** The candidates typing the whole of {@code run} adds, each as "surface/kind". */
  private static List<String> typed(String run, String previous, boolean strict, CaseEvidence evidence) {
    Candidates candidates = new Candidates();
    new RuleTyping(Gazetteer.get(), evidence, candidates, strict)
        .classify(CasedToken.scan(run), previous, Zone.BODY, 1);
    return candidates.asList().stream().map(c -> c.surface + "/" + c.kind).toList();
  }

  private static List<String> typed(String run, String previous) {
    return typed(run, previous, false, new CaseEvidence());
  }

  @Test
  void aTitleSplitsTheRunAndWhatFollowsIsAPerson() {
    assertThat(typed("Prime Minister Keir Starmer", "")).containsExactly("Keir Starmer/PERSON");
  }

  @Test
  void anOrganisationKeywordAtTheEndMakesAnOrganisation() {
    assertThat(typed("Zorvath Capital", "")).containsExactly("Zorvath Capital/ORGANIZATION");
  }

  @Test
  void aGivenNameFirstMakesASurePerson() {
    Candidates candidates = new Candidates();
    new RuleTyping(Gazetteer.get(), new CaseEvidence(), candidates, false)
        .classify(CasedToken.scan("Tom Hanks"), "", Zone.BODY, 1);

    assertThat(candidates.asList()).singleElement().satisfies(c -> {
      assertThat(c.kind).isEqualTo(EntityKind.PERSON);
      assertThat(c.guessedPerson).isFalse();
    });
  }

  @Test
  void twoPlainCapitalisedWordsAreAGuessedPersonExceptInGerman() {
    Candidates candidates = new Candidates();
    new RuleTyping(Gazetteer.get(), new CaseEvidence(), candidates, false)
        .classify(CasedToken.scan("Zorvath Quellix"), "", Zone.BODY, 1);

    assertThat(candidates.asList()).singleElement().satisfies(c -> {
      assertThat(c.kind).isEqualTo(EntityKind.PERSON);
      assertThat(c.guessedPerson).isTrue();
    });
    // in German each word is left open, to be a surname or a name typed elsewhere
    assertThat(typed("Zorvath Quellix", "", true, new CaseEvidence()))
        .containsExactly("Zorvath/null", "Quellix/null");
  }

  @Test
  void aSingleUnknownWordStaysOpenAndRemembersAPlaceCue() {
    Candidates candidates = new Candidates();
    new RuleTyping(Gazetteer.get(), new CaseEvidence(), candidates, false)
        .classify(CasedToken.scan("Vuhledar"), "from", Zone.BODY, 1);

    assertThat(candidates.asList()).singleElement().satisfies(c -> {
      assertThat(c.kind).isNull();
      assertThat(c.locationCue).isTrue();
    });
    Candidates month = new Candidates();
    new RuleTyping(Gazetteer.get(), new CaseEvidence(), month, false)
        .classify(CasedToken.scan("May"), "in", Zone.BODY, 1);
    assertThat(month.asList()).singleElement().satisfies(c -> assertThat(c.locationCue).isFalse()); // "in May"
  }

  @Test
  void eventNamesAndEmphasisAreNotEntities() {
    assertThat(typed("World Cup", "")).isEmpty();
    CaseEvidence evidence = new CaseEvidence();
    evidence.collect(CasedToken.scan("Entry is free for all."));
    assertThat(typed("FREE", "", false, evidence)).isEmpty();
    assertThat(typed("ZQX", "", false, new CaseEvidence())).containsExactly("ZQX/ORGANIZATION");
  }
}
