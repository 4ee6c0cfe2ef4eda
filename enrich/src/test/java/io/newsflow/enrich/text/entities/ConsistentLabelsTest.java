package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsistentLabelsTest {

  private static Candidate add(Candidates candidates, String surface, EntityKind kind, String canonical) {
    return candidates.add(CasedToken.scan(surface), Zone.BODY, 1, kind, canonical, false, false);
  }

  @Test
  void everyMentionTakesTheTypeMostMentionsGot() {
    Candidates candidates = new Candidates();
    Candidate person = add(candidates, "Pirelli", EntityKind.PERSON, "Giovanni Pirelli");
    add(candidates, "Pirelli", EntityKind.ORGANIZATION, null);
    add(candidates, "Pirelli", EntityKind.ORGANIZATION, null);

    ConsistentLabels.apply(candidates);

    assertThat(person.kind).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(person.canonical).isEqualTo("Pirelli"); // a new type drops the old canonical name
  }

  @Test
  void aTieKeepsEachMentionsOwnTypeAndUntypedOnesStayUntyped() {
    Candidates candidates = new Candidates();
    Candidate person = add(candidates, "Jordan", EntityKind.PERSON, null);
    Candidate place = add(candidates, "Jordan", EntityKind.LOCATION, null);
    Candidate open = add(candidates, "Jordan", null, null);

    ConsistentLabels.apply(candidates);

    assertThat(person.kind).isEqualTo(EntityKind.PERSON);
    assertThat(place.kind).isEqualTo(EntityKind.LOCATION);
    assertThat(open.kind).isNull();
  }

  @Test
  void aTypeSetByAResultsLineOutvotesTheOthers() {
    Candidates candidates = new Candidates();
    Candidate team = add(candidates, "Surrey", EntityKind.ORGANIZATION, null);
    team.byLayout = true;
    Candidate county = add(candidates, "Surrey", EntityKind.LOCATION, null);
    add(candidates, "Surrey", EntityKind.LOCATION, null);
    add(candidates, "Surrey", EntityKind.LOCATION, null);

    ConsistentLabels.apply(candidates);

    assertThat(county.kind).isEqualTo(EntityKind.ORGANIZATION);
    assertThat(team.kind).isEqualTo(EntityKind.ORGANIZATION);
  }
}
