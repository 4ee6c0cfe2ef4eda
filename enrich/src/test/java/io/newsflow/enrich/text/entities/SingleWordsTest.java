package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SingleWordsTest {

  private static Candidate add(Candidates candidates, String surface, EntityKind kind, boolean locationCue) {
    return candidates.add(CasedToken.scan(surface), Zone.BODY, 1, kind, null, false, locationCue);
  }

  @Test
  void aSurnameBecomesTheNearestEarlierPersonNamedInFull() {
    Candidates candidates = new Candidates();
    Candidate before = add(candidates, "Smith", null, false);
    add(candidates, "Anna Smith", EntityKind.PERSON, false);
    Candidate afterAnna = add(candidates, "Smith", null, false);
    add(candidates, "Tom Smith", EntityKind.PERSON, false);
    Candidate afterTom = add(candidates, "Smith", EntityKind.PERSON, false);

    SingleWords.resolve(candidates);

    assertThat(before.canonical).isEqualTo("Anna Smith"); // no earlier full name: the first later one
    assertThat(afterAnna.canonical).isEqualTo("Anna Smith");
    assertThat(afterTom.canonical).isEqualTo("Tom Smith");
    assertThat(before.kind).isEqualTo(EntityKind.PERSON);
    assertThat(afterAnna.kind).isEqualTo(EntityKind.PERSON);
  }

  @Test
  void anUntypedWordAfterAPlaceCueIsAPlaceAndSoAreItsOtherMentions() {
    Candidates candidates = new Candidates();
    Candidate plain = add(candidates, "Vuhledar", null, false);
    Candidate cued = add(candidates, "Vuhledar", null, true);

    SingleWords.resolve(candidates);

    assertThat(cued.kind).isEqualTo(EntityKind.LOCATION);
    assertThat(plain.kind).isEqualTo(EntityKind.LOCATION);
  }

  @Test
  void aWordNothingTypesStaysOpenAndATypedPlaceIsNotASurname() {
    Candidates candidates = new Candidates();
    Candidate unknown = add(candidates, "Zorvath", null, false);
    add(candidates, "Jordan Paris", EntityKind.PERSON, false);
    // a place typed by a cue ("in Paris") keeps its type even when a person has it as a surname
    Candidate paris = candidates.add(CasedToken.scan("Paris"), Zone.BODY, 1, EntityKind.LOCATION, "Paris", true, true);

    SingleWords.resolve(candidates);

    assertThat(unknown.kind).isNull();
    assertThat(paris.kind).isEqualTo(EntityKind.LOCATION);
    assertThat(paris.canonical).isEqualTo("Paris");
  }
}
