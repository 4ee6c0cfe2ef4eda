package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownNamesTest {

  /** What matching {@code line} as a title adds, each as "surface/kind/canonical". */
  private static List<String> matched(Candidates candidates, String line) {
    int before = candidates.asList().size();
    new KnownNames(Gazetteer.get(), candidates).match(CasedToken.scan(line), Zone.TITLE, -1);
    return candidates.asList().subList(before, candidates.asList().size()).stream()
        .map(c -> c.surface + "/" + c.kind + "/" + c.canonical).toList();
  }

  private static Candidates body(String... persons) {
    Candidates candidates = new Candidates();
    for (String person : persons) {
      candidates.add(CasedToken.scan(person), Zone.BODY, 1, EntityKind.PERSON, null, false, false);
    }
    return candidates;
  }

  @Test
  void aHeadlineInCapitalsMatchesBodyNamesAndTheirSurnamesIgnoringCase() {
    assertThat(matched(body("Zorvath Quellix"), "QUELLIX WARNS ZORVATH QUELLIX"))
        .containsExactly("QUELLIX/PERSON/Zorvath Quellix", "ZORVATH QUELLIX/PERSON/Zorvath Quellix");
  }

  @Test
  void aSurnameTwoPeopleShareNamesNobody() {
    assertThat(matched(body("Anna Quellix", "Tom Quellix"), "Quellix Family Reunion Planned")).isEmpty();
  }

  @Test
  void aGivenNameAndASurnameMakeAPersonInATitleCaseLine() {
    assertThat(matched(new Candidates(), "Richard Finn Wins Again"))
        .containsExactly("Richard Finn/PERSON/Richard Finn");
    assertThat(matched(new Candidates(), "George W. Bush Returns"))
        .containsExactly("George W. Bush/PERSON/George W. Bush");
  }

  @Test
  void gazetteerNamesAreMatchedWithTheirCanonicalName() {
    assertThat(matched(new Candidates(), "Talks Resume In Vienna"))
        .containsExactly("Vienna/LOCATION/Vienna");
  }
}
