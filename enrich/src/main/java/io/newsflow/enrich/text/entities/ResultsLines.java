package io.newsflow.enrich.text.entities;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 6 of {@link EntityRecognizer}, sports results, fixtures and tables ("Luton 1 Rotherham 0",
 * "Birmingham v Barnsley", "BOSTON AT OAKLAND", "SEATTLE 70 63 .526 5"): a name next to a score or
 * "v" is a team, an organisation, unless it is a nation (national teams are read as places) or a
 * person named in full. A line counts as results with two names before scores, or one name opening
 * a row of figures; names either side of "v"/"vs" count anywhere; before "AT" (US fixtures in
 * capitals) only the visitor is a team, the other name is where the game is played.
 */
final class ResultsLines {

  private final Gazetteer gazetteer;
  private final CaseEvidence evidence;
  private final Candidates candidates;

  ResultsLines(Gazetteer gazetteer, CaseEvidence evidence, Candidates candidates) {
    this.gazetteer = gazetteer;
    this.evidence = evidence;
    this.candidates = candidates;
  }

  void typeTeams(List<CasedToken> tokens, Zone zone, int paragraph) {
    List<int[]> runs = new ArrayList<>(); // capitalised runs: token range
    int i = 0;
    while (i < tokens.size()) {
      if (!isNamePart(tokens.get(i))) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < tokens.size() && isNamePart(tokens.get(j))) {
        j++;
      }
      runs.add(new int[] {i, j});
      i = j;
    }
    List<int[]> teams = new ArrayList<>();
    List<int[]> venues = new ArrayList<>();
    List<int[]> scored = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      int end = runs.get(r)[1];
      if (end < tokens.size() && isScore(tokens.get(end))) {
        scored.add(runs.get(r));
      }
      if (r + 1 < runs.size() && runs.get(r + 1)[0] == end + 1 && isVersus(tokens.get(end))) {
        teams.add(runs.get(r));
        // "BOSTON AT OAKLAND": the game is played in Oakland
        (tokens.get(end).text().equals("AT") ? venues : teams).add(runs.get(r + 1));
      }
    }
    if (scored.size() >= 2 || (!scored.isEmpty() && scored.get(0)[0] == 0 && isRowOfFigures(tokens, scored.get(0)[1]))) {
      teams.addAll(scored);
    }
    for (int[] run : teams) {
      if (mayNameTeam(tokens, run)) {
        retype(tokens, run, zone, paragraph, EntityKind.ORGANIZATION);
      }
    }
    for (int[] run : venues) {
      retype(tokens, run, zone, paragraph, EntityKind.LOCATION);
    }
  }

  /**
   * Whether a run next to figures may be a team: not a month or other non-name ("June 5-9"), and
   * not a word the article also writes in lower case ("Sales 9.06 9.31", "First test match").
   */
  private boolean mayNameTeam(List<CasedToken> tokens, int[] run) {
    boolean anyName = false;
    for (int k = run[0]; k < run[1]; k++) {
      String word = tokens.get(k).text();
      anyName |= !gazetteer.isNonEntity(word) && !RuleTyping.NOT_PLACES.contains(word); // "May 31" is a date
    }
    return anyName && (run[1] - run[0] > 1 || !evidence.seenLowerCase(tokens.get(run[0]).lower()));
  }

  /** Gives the run {@code kind}, as a new candidate or over the one that covers it exactly. */
  private void retype(List<CasedToken> tokens, int[] run, Zone zone, int paragraph, EntityKind kind) {
    int start = tokens.get(run[0]).start();
    int end = tokens.get(run[1] - 1).end();
    Candidate covering = candidates.lastOverlapping(paragraph, start, end);
    if (covering == null) {
      covering = candidates.add(tokens.subList(run[0], run[1]), zone, paragraph, kind, null, false, false);
    } else if (covering.end == end && covering.kind != kind && !gazetteer.isNation(covering.canonical)
        && !(covering.kind == EntityKind.PERSON && covering.words >= 2 && !covering.guessedPerson)) {
      covering.kind = kind;
      covering.canonical = covering.surface; // "Manchester City" the team, not the city
    }
    covering.byLayout = covering.kind == kind;
  }

  /** A capitalised word that may be part of a team name ("Port Vale", "SAN FRANCISCO"); not "AT" or "v". */
  private static boolean isNamePart(CasedToken t) {
    return t.word() && t.capitalised() && !isScore(t) && !isVersus(t);
  }

  /** "v", "vs", "AT" (fixtures: "Birmingham v Barnsley", "BOSTON AT OAKLAND"). */
  private static boolean isVersus(CasedToken t) {
    return t.text().equals("v") || t.text().equals("vs") || t.text().equals("vs.") || t.text().equals("AT");
  }

  /** Everything after the name is figures and punctuation: a table row ("SEATTLE 70 63 .526 5"). */
  private static boolean isRowOfFigures(List<CasedToken> tokens, int from) {
    int figures = 0;
    for (int k = from; k < tokens.size(); k++) {
      CasedToken t = tokens.get(k);
      if (t.word() && !t.text().chars().allMatch(Character::isDigit)) {
        return false;
      }
      figures += t.word() ? 1 : 0;
    }
    return figures >= 2;
  }

  /** A score or table figure: a plain number of at most three digits. */
  private static boolean isScore(CasedToken t) {
    String text = t.text();
    if (text.isEmpty() || text.length() > 3) {
      return false;
    }
    for (int k = 0; k < text.length(); k++) {
      if (!Character.isDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }
}
