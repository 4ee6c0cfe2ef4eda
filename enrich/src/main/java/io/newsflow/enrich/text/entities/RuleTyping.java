package io.newsflow.enrich.text.entities;

import java.util.List;
import java.util.Set;

/**
 * Step 3 of {@link EntityRecognizer}: types a candidate run by the rules, in order of trust:
 * gazetteer entry, organisation and place keywords, a person title before the name, a given name
 * first, a place cue before it, and last two to four plain capitalised words as a person. Adds what
 * it types (and single unknown words, untyped) to the article's candidates; drops the rest.
 */
final class RuleTyping {

  /** Words after which an unknown capitalised word is taken for a place. */
  static final Set<String> LOCATION_CUES = Set.of("in", "near", "outside", "from", "across", "throughout");
  /** Capitalised words a place cue or a score must not turn into names: "in May", "May 31" are the month. */
  static final Set<String> NOT_PLACES = Set.of("May");
  private static final int MAX_PERSON_NAME_WORDS = 4;

  private final Gazetteer gazetteer;
  private final CaseEvidence evidence;
  private final Candidates candidates;
  /** German: no person or place guessed from capitalisation alone. */
  private final boolean strict;

  RuleTyping(Gazetteer gazetteer, CaseEvidence evidence, Candidates candidates, boolean strict) {
    this.gazetteer = gazetteer;
    this.evidence = evidence;
    this.candidates = candidates;
    this.strict = strict;
  }

  /** Types {@code run}, found after the lower-case word {@code previous} ("" for none). */
  void classify(List<CasedToken> run, String previous, Zone zone, int paragraph) {
    if (run.isEmpty()) {
      return;
    }
    Gazetteer.Entry known = NameRuns.gazetteerEntry(gazetteer, run);
    if (known != null) {
      candidates.add(run, zone, paragraph, known.kind(), known.canonical(), true, LOCATION_CUES.contains(previous));
      return;
    }
    int n = run.size();
    int place = knownPlacePrefix(run);
    if (place > 0) {
      Gazetteer.Entry organisation = gazetteer.lookup(NameRuns.surfaceOf(run.subList(place, n)));
      if (organisation != null && organisation.kind() == EntityKind.ORGANIZATION) { // "U.S. State Department"
        candidates.add(run, zone, paragraph, organisation.kind(), organisation.canonical(), true, false);
        return;
      }
    }
    if (n > 1 && run.get(0).text().equals("The")) {
      classify(run.subList(1, n), "the", zone, paragraph);
      return;
    }
    String last = run.get(n - 1).text();
    if (n > 1 && gazetteer.isNonEntity(last)) {
      if (gazetteer.isCalendarWord(last)) { // "Jose Miguel Insulza Monday"
        classify(NameRuns.trimConnectors(run.subList(0, n - 1)), previous, zone, paragraph);
      }
      return; // "World Cup", "Gulf War": names, but not of a person, organisation or place
    }
    if (n > 1 && isOrganisationName(run)) {
      candidates.add(run, zone, paragraph, EntityKind.ORGANIZATION, null, false, false);
      return;
    }
    if (n > 1 && (gazetteer.isPlaceSuffix(last) || gazetteer.isPlacePrefix(run.get(0).text()))) {
      candidates.add(run, zone, paragraph, EntityKind.LOCATION, null, false, false);
      return;
    }
    if (splitAtTitle(run, previous, zone, paragraph)) {
      return;
    }
    if (gazetteer.isNonEntity(run.get(0).text())) {
      if (n > 1) {
        classify(NameRuns.trimConnectors(run.subList(1, n)), run.get(0).lower(), zone, paragraph);
      }
      return;
    }
    if (n == 1) {
      CasedToken word = run.get(0);
      if (word.text().length() < 2) {
        return;
      }
      if (word.acronym() && evidence.seenLowerCase(word.lower())) {
        return; // "FREE" in a text that also writes "free": emphasis, not an acronym
      } else if (word.acronym()) {
        candidates.add(run, zone, paragraph, EntityKind.ORGANIZATION, null, false, false);
      } else if (word.capitalised() && !word.allCaps()) {
        boolean cue = !strict && LOCATION_CUES.contains(previous) && !NOT_PLACES.contains(word.text());
        // kind stays open: a surname resolves to a person later; otherwise a cue makes it a place
        candidates.add(run, zone, paragraph, null, null, false, cue);
      }
      return;
    }
    if (looksLikePersonName(run, true)) {
      candidates.add(run, zone, paragraph, EntityKind.PERSON, null, false, false);
      return;
    }
    if (place > 0) {
      // "New York Yankees", "Los Angeles Dodgers": a place then a plural is a team; "Hong Kong Open" is an event
      List<CasedToken> rest = run.subList(place, n);
      if (rest.size() <= 2 && !NameRuns.hasConnector(rest) && last.endsWith("s") && !last.endsWith("ss")) {
        candidates.add(run, zone, paragraph, EntityKind.ORGANIZATION, null, false, false);
      }
      return;
    }
    if (!strict && n <= 3 && LOCATION_CUES.contains(previous) && !NameRuns.hasConnector(run)) {
      candidates.add(run, zone, paragraph, EntityKind.LOCATION, null, false, true);
      return;
    }
    if (!strict && looksLikePersonName(run, false)) {
      Candidate person = candidates.add(run, zone, paragraph, EntityKind.PERSON, null, false, false);
      // "M. Butcher": an initial makes the guess sure
      person.guessedPerson = run.stream().noneMatch(NameRuns::isInitial);
    } else if (strict) {
      // German "Regierung Scholz": capitalised nouns join names into one run; each word may still be a
      // surname or a name typed elsewhere in the article
      for (CasedToken word : run) {
        if (word.capitalised() && !word.allCaps() && word.text().length() > 1) {
          candidates.add(List.of(word), zone, paragraph, null, null, false, false);
        }
      }
    }
  }

  /** "Deutsche Bank", "Bank of England", "Procter & Gamble". */
  private boolean isOrganisationName(List<CasedToken> run) {
    int n = run.size();
    if (gazetteer.isOrgSuffix(run.get(n - 1).text())) {
      return true;
    }
    if (n >= 3 && gazetteer.isOrgHead(run.get(0).text())
        && (run.get(1).text().equals("of") || run.get(1).text().equals("for"))) {
      return true;
    }
    if (gazetteer.isOrgPrefix(run.get(0).text()) && !NameRuns.hasConnector(run)) {
      return true;
    }
    for (CasedToken t : run) {
      if (t.text().equals("&")) {
        return true;
      }
    }
    return false;
  }

  /**
   * "U.S. President Joe Biden": the part before the title is typed on its own, the capitalised
   * words after it are a person. Returns false when the run holds no title.
   */
  private boolean splitAtTitle(List<CasedToken> run, String previous, Zone zone, int paragraph) {
    List<String> words = run.stream().map(CasedToken::text).toList();
    for (int p = 0; p < run.size(); p++) {
      int length = gazetteer.titleLength(words, p);
      if (length == 0) {
        continue;
      }
      int q = p + length;
      if (p > 0) {
        classify(NameRuns.trimConnectors(run.subList(0, p)), previous, zone, paragraph);
      }
      if (q < run.size()) {
        List<CasedToken> rest = NameRuns.trimConnectors(run.subList(q, run.size()));
        if (!rest.isEmpty() && NameRuns.isConnector(run.get(q))) {
          classify(rest, run.get(q).lower(), zone, paragraph); // "Prime Minister of Britain"
        } else if (!rest.isEmpty()) {
          addPersonAfterTitle(rest, zone, paragraph);
        }
      }
      return true;
    }
    return false;
  }

  private void addPersonAfterTitle(List<CasedToken> name, Zone zone, int paragraph) {
    Gazetteer.Entry known = NameRuns.gazetteerEntry(gazetteer, name);
    if (known != null && name.size() > 1) { // "Minister Tokyo" is not a thing, but "President Xi" is
      candidates.add(name, zone, paragraph, known.kind(), known.canonical(), true, false);
    } else if (!gazetteer.isNonEntity(name.get(0).text())) {
      candidates.add(name, zone, paragraph, EntityKind.PERSON, null, false, false);
    }
  }

  /**
   * Two to four capitalised words, no known place or keyword among them; with {@code givenName}
   * the first must be a listed given name.
   */
  private boolean looksLikePersonName(List<CasedToken> run, boolean givenName) {
    if (givenName && !gazetteer.isGivenName(run.get(0).text())) {
      return false;
    }
    int words = 0;
    for (int k = 0; k < run.size(); k++) {
      CasedToken t = run.get(k);
      if (NameRuns.isConnector(t)) {
        if (!givenName || t.text().equals("of") || t.text().equals("for") || t.text().equals("&")) {
          return false;
        }
        continue;
      }
      words++;
      boolean initial = t.text().length() == 2 && t.text().endsWith(".");
      if (!initial && (t.allCaps() || !t.capitalised() || t.text().length() < 2)) {
        return false;
      }
      // after a given name a known place may be the surname ("Neil Jordan", "Charles Darwin")
      boolean placeAsSurname = givenName && k == run.size() - 1 && k > 0;
      if (k > 0 && (gazetteer.isNonEntity(t.text()) || (gazetteer.lookup(t.text()) != null && !placeAsSurname)
          || gazetteer.isOrgSuffix(t.text()))) {
        return false;
      }
      if (!givenName && gazetteer.lookup(t.text()) != null) {
        return false;
      }
    }
    return words >= 2 && words <= MAX_PERSON_NAME_WORDS;
  }

  /** Tokens in the longest leading part of the run that is a known place ("New York" in "New York Yankees"). */
  private int knownPlacePrefix(List<CasedToken> run) {
    for (int len = Math.min(run.size() - 1, gazetteer.longestName()); len >= 1; len--) {
      Gazetteer.Entry entry = gazetteer.lookup(NameRuns.surfaceOf(run.subList(0, len)));
      if (entry != null && entry.kind() == EntityKind.LOCATION) {
        return len;
      }
    }
    return 0;
  }
}
