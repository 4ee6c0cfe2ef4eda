package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaggerFallbackTest {

  private static final String SENTENCE = "The Bank of England hired Zorvath .";

  @Test
  void hintsSayWhatTheRulesMadeOfEachTokenOfTheParagraph() {
    List<CasedToken> tokens = CasedToken.scan(SENTENCE);
    Candidates candidates = new Candidates();
    candidates.add(tokens.subList(1, 4), Zone.LEAD, 0, EntityKind.ORGANIZATION, null, true, false);
    candidates.add(tokens.subList(5, 6), Zone.LEAD, 0, null, null, false, false);
    candidates.add(tokens.subList(0, 1), Zone.BODY, 1, EntityKind.PERSON, null, false, false); // other paragraph

    assertThat(TaggerFallback.hints(candidates, tokens, 0))
        .containsExactly("-", "ORG-B", "ORG-I", "ORG-I", "-", "?", "-");
  }

  @Test
  void withNothingUntypedTheTaggerChangesNothing() {
    List<CasedToken> tokens = CasedToken.scan(SENTENCE);
    Candidates candidates = new Candidates();
    Candidate bank = candidates.add(tokens.subList(1, 4), Zone.LEAD, 0, EntityKind.ORGANIZATION, null, true, false);

    new TaggerFallback(EntityTagger.shipped(), candidates).typeUntyped(tokens, Zone.LEAD, 0);

    assertThat(candidates.asList()).containsExactly(bank);
    assertThat(bank.kind).isEqualTo(EntityKind.ORGANIZATION);
  }

  @Test
  void theTaggersNameReplacesTheUntypedCandidateAndLeavesTheRulesNamesAlone() {
    // the shipped tagger reads "Natanz" here as a place (EntityTaggerTest); the rules left it untyped
    String sentence = "Officials at the International Atomic Energy Agency in Vienna said Iran had resumed "
        + "enrichment at its Natanz plant.";
    List<CasedToken> tokens = CasedToken.scan(sentence);
    Candidates candidates = new Candidates();
    Candidate agency = candidates.add(tokens.subList(3, 7), Zone.LEAD, 0, EntityKind.ORGANIZATION, null, true,
        false);
    Candidate vienna = candidates.add(tokens.subList(8, 9), Zone.LEAD, 0, EntityKind.LOCATION, null, true, true);
    Candidate iran = candidates.add(tokens.subList(10, 11), Zone.LEAD, 0, EntityKind.LOCATION, null, true, false);
    candidates.add(tokens.subList(16, 17), Zone.LEAD, 0, null, null, false, false);

    new TaggerFallback(EntityTagger.shipped(), candidates).typeUntyped(tokens, Zone.LEAD, 0);

    assertThat(candidates.asList()).hasSize(4).startsWith(agency, vienna, iran);
    Candidate natanz = candidates.asList().get(3);
    assertThat(natanz.surface).isEqualTo("Natanz");
    assertThat(natanz.kind).isEqualTo(EntityKind.LOCATION);
    assertThat(agency.kind).isEqualTo(EntityKind.ORGANIZATION);
  }
}
