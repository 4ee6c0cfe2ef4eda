package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsLinesTest {

  /** Types the teams of {@code line} over {@code candidates}; returns them as "surface/kind/byLayout". */
  private static List<String> teams(Candidates candidates, CaseEvidence evidence, String line) {
    new ResultsLines(Gazetteer.get(), evidence, candidates).typeTeams(CasedToken.scan(line), Zone.BODY, 2);
    return candidates.asList().stream().map(c -> c.surface + "/" + c.kind + "/" + c.byLayout).toList();
  }

  private static List<String> teams(String line) {
    return teams(new Candidates(), new CaseEvidence(), line);
  }

  @Test
  void twoNamesBeforeScoresAreTeams() {
    assertThat(teams("Luton 1 Rotherham 0"))
        .containsExactly("Luton/ORGANIZATION/true", "Rotherham/ORGANIZATION/true");
  }

  @Test
  void aCityNamedInAFixtureBecomesItsTeam() {
    Candidates candidates = new Candidates();
    List<CasedToken> tokens = CasedToken.scan("Birmingham v Barnsley");
    candidates.add(tokens.subList(0, 1), Zone.BODY, 2, EntityKind.LOCATION, "Birmingham", true, false);

    assertThat(teams(candidates, new CaseEvidence(), "Birmingham v Barnsley"))
        .containsExactly("Birmingham/ORGANIZATION/true", "Barnsley/ORGANIZATION/true");
  }

  @Test
  void beforeAtOnlyTheVisitorIsATeamAndTheOtherNameIsTheVenue() {
    assertThat(teams("BOSTON AT OAKLAND"))
        .containsExactly("BOSTON/ORGANIZATION/true", "OAKLAND/LOCATION/true");
  }

  @Test
  void oneNameOpeningARowOfFiguresIsATeam() {
    assertThat(teams("SEATTLE 70 63 .526 5")).containsExactly("SEATTLE/ORGANIZATION/true");
    assertThat(teams("Zorvath 70 percent")).isEmpty(); // one score, then words: not a table row
  }

  @Test
  void aPersonNamedInFullStaysAPersonAndAWordWrittenInLowerCaseIsNoTeam() {
    Candidates candidates = new Candidates();
    List<CasedToken> tokens = CasedToken.scan("Tom Hanks 2 Anna Quellix 1");
    candidates.add(tokens.subList(0, 2), Zone.BODY, 2, EntityKind.PERSON, null, false, false);
    assertThat(teams(candidates, new CaseEvidence(), "Tom Hanks 2 Anna Quellix 1"))
        .containsExactly("Tom Hanks/PERSON/false", "Anna Quellix/ORGANIZATION/true");

    CaseEvidence evidence = new CaseEvidence();
    evidence.collect(CasedToken.scan("Our sales rose and profits fell."));
    assertThat(teams(new Candidates(), evidence, "Sales 9 Profits 3")).isEmpty();
  }
}
