package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CandidatesTest {

  @Test
  void aCandidateTakesItsSpanSurfaceAndWordCountFromItsTokens() {
    Candidates candidates = new Candidates();

    // "Bank of England" at characters 4-19 of "The Bank of England"
    Candidate bank = candidates.add(CasedToken.scan("The Bank of England").subList(1, 4), Zone.LEAD, 0,
        EntityKind.ORGANIZATION, null, false, false);

    assertThat(bank.start).isEqualTo(4);
    assertThat(bank.end).isEqualTo(19);
    assertThat(bank.surface).isEqualTo("Bank of England");
    assertThat(bank.canonical).isEqualTo("Bank of England");
    assertThat(bank.words).isEqualTo(2); // "of" is a connector, not a word of the name
  }

  @Test
  void candidatesAreNumberedInTheOrderTheyAreFound() {
    Candidates candidates = new Candidates();

    Candidate first = candidates.add(CasedToken.scan("Putin"), Zone.BODY, 3, EntityKind.PERSON, null, false, false);
    Candidate second = candidates.add(CasedToken.scan("Moscow"), Zone.TITLE, -1, EntityKind.LOCATION, null, true,
        false);

    assertThat(first.order).isZero();
    assertThat(second.order).isEqualTo(1);
    assertThat(candidates.asList()).containsExactly(first, second);
  }

  @Test
  void theLastOverlappingCandidateOfTheSameParagraphCovers() {
    Candidates candidates = new Candidates();
    Candidate a = candidates.add(CasedToken.scan("Luton Town"), Zone.BODY, 2, EntityKind.ORGANIZATION, null, false,
        false); // characters 0-10
    Candidate b = candidates.add(CasedToken.scan("Luton"), Zone.BODY, 2, EntityKind.LOCATION, null, false, false);
    candidates.add(CasedToken.scan("Luton"), Zone.BODY, 3, EntityKind.LOCATION, null, false, false);

    assertThat(candidates.lastOverlapping(2, 0, 5)).isSameAs(b);
    assertThat(candidates.lastOverlapping(2, 6, 10)).isSameAs(a);
    assertThat(candidates.lastOverlapping(2, 10, 12)).isNull();
    assertThat(candidates.lastOverlapping(4, 0, 5)).isNull();
  }

  @Test
  void onlyUntypedCandidatesOfTheParagraphAreRemoved() {
    Candidates candidates = new Candidates();
    Candidate typed = candidates.add(CasedToken.scan("Natanz"), Zone.BODY, 1, EntityKind.LOCATION, null, false, false);
    candidates.add(CasedToken.scan("Natanz"), Zone.BODY, 1, null, null, false, false);
    Candidate otherParagraph = candidates.add(CasedToken.scan("Natanz"), Zone.BODY, 2, null, null, false, false);

    candidates.removeUntypedOverlapping(1, 0, 6);

    assertThat(candidates.asList()).containsExactly(typed, otherParagraph);
  }
}
