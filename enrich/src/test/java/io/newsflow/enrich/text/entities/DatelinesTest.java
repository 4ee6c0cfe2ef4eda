package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatelinesTest {

  private static List<String> placed(Candidates candidates, String line) {
    new Datelines(candidates).typePlace(CasedToken.scan(line), Zone.LEAD, 0);
    return candidates.asList().stream().map(c -> c.surface + "/" + c.kind + "/" + c.byLayout).toList();
  }

  @Test
  void aDatelineOpensWithThePlaceInCapitals() {
    assertThat(placed(new Candidates(), "NABLUS, West Bank 1996-08-30")).containsExactly("NABLUS/LOCATION/true");
    assertThat(placed(new Candidates(), "ESCHEN 1996-08-31")).containsExactly("ESCHEN/LOCATION/true");
  }

  @Test
  void aCandidateCoveringExactlyThePlaceIsRetyped() {
    Candidates candidates = new Candidates();
    candidates.add(CasedToken.scan("ESCHEN"), Zone.LEAD, 0, EntityKind.ORGANIZATION, null, false, false);

    assertThat(placed(candidates, "ESCHEN 1996-08-31")).containsExactly("ESCHEN/LOCATION/true");
  }

  @Test
  void otherLinesAreNoDatelines() {
    assertThat(placed(new Candidates(), "Markets rallied 1996-08-30")).isEmpty(); // not in capitals
    assertThat(placed(new Candidates(), "ESCHEN, Liechtenstein")).isEmpty(); // no date
    assertThat(placed(new Candidates(), "1996-08-30")).isEmpty(); // nothing before the date
  }
}
