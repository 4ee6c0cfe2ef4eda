package io.newsflow.enrich.text.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Step 5 of {@link EntityRecognizer}: in a title in Title Case, a short Title Case subheading or a
 * paragraph in capitals, case carries no signal, so only names already resolved in the body,
 * gazetteer names and "given name + surname" pairs are matched there, longest first.
 */
final class KnownNames {

  private final Gazetteer gazetteer;
  private final Candidates candidates;
  private final Map<String, Candidate> exact = new HashMap<>();
  private final Map<String, Candidate> upperCase = new HashMap<>();
  /** Most words in a known name: bounds the longest-match search. */
  private final int longest;

  /** Indexes the names typed so far; those {@link #match} adds later are not indexed. */
  KnownNames(Gazetteer gazetteer, Candidates candidates) {
    this.gazetteer = gazetteer;
    this.candidates = candidates;
    int max = gazetteer.longestName();
    Map<String, Set<String>> canonicalsBySurname = new HashMap<>();
    for (Candidate c : candidates) {
      if (c.kind == null) {
        continue;
      }
      exact.putIfAbsent(c.surface, c);
      upperCase.putIfAbsent(c.surface.toUpperCase(Locale.ROOT), c);
      max = Math.max(max, c.surface.split(" ").length);
      if (c.kind == EntityKind.PERSON && c.words >= 2) {
        canonicalsBySurname.computeIfAbsent(NameRuns.lastWord(c.canonical), k -> new TreeSet<>()).add(c.canonical);
      }
    }
    // a bare surname in a headline names the person only when one person in the article has it
    for (Candidate c : candidates) {
      if (c.kind == EntityKind.PERSON && c.words >= 2) {
        String surname = NameRuns.lastWord(c.canonical);
        if (canonicalsBySurname.get(surname).size() == 1) {
          exact.putIfAbsent(surname, c);
          upperCase.putIfAbsent(surname.toUpperCase(Locale.ROOT), c);
        }
      }
    }
    longest = max;
  }

  /** Adds a candidate for every known name in the line. */
  void match(List<CasedToken> tokens, Zone zone, int paragraph) {
    boolean capitals = CaselessLines.isAllCaps(tokens);
    int i = 0;
    while (i < tokens.size()) {
      if (!tokens.get(i).word() || !tokens.get(i).capitalised()) {
        i++;
        continue;
      }
      int matched = 0;
      for (int len = Math.min(longest, tokens.size() - i); len >= 1 && matched == 0; len--) {
        List<CasedToken> span = tokens.subList(i, i + len);
        if (span.stream().anyMatch(t -> !t.word() && !t.text().equals("&"))
            || span.subList(0, len - 1).stream().anyMatch(CasedToken::possessive)) {
          continue;
        }
        String surface = NameRuns.surfaceOf(span);
        Candidate body = capitals ? upperCase.get(surface.toUpperCase(Locale.ROOT)) : exact.get(surface);
        if (body != null) {
          candidates.add(span, zone, paragraph, body.kind, body.canonical, false, false);
          matched = len;
          continue;
        }
        Gazetteer.Entry entry = capitals ? gazetteer.lookupUpperCase(surface) : gazetteer.lookup(surface);
        if (entry != null && (surface.length() > 2 || !capitals || span.get(0).text().contains("."))) {
          candidates.add(span, zone, paragraph, entry.kind(), entry.canonical(), true, false);
          matched = len;
        }
      }
      if (matched == 0 && !capitals) {
        matched = matchGivenNameAndSurname(tokens, i, zone, paragraph);
      }
      i += Math.max(matched, 1);
    }
  }

  /** "Richard Finn" or "George W. Bush" in a heading: a given name, an optional initial, one more name. */
  private int matchGivenNameAndSurname(List<CasedToken> tokens, int i, Zone zone, int paragraph) {
    if (!gazetteer.isGivenName(tokens.get(i).text())) {
      return 0;
    }
    int j = i + 1;
    if (j < tokens.size() && tokens.get(j).text().length() == 2 && tokens.get(j).text().endsWith(".")) {
      j++;
    }
    if (j >= tokens.size() || tokens.get(i).possessive()) {
      return 0;
    }
    CasedToken surname = tokens.get(j);
    if (!surname.capitalised() || surname.allCaps() || surname.text().length() < 2
        || gazetteer.isNonEntity(surname.text()) || gazetteer.lookup(surname.text()) != null
        || gazetteer.isTitleWord(surname.text()) || gazetteer.isOrgSuffix(surname.text())) {
      return 0;
    }
    candidates.add(tokens.subList(i, j + 1), zone, paragraph, EntityKind.PERSON, null, false, false);
    return j + 1 - i;
  }
}
