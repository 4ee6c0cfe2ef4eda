package io.newsflow.enrich.text.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 4 of {@link EntityRecognizer}: single words. "Putin" after "Vladimir Putin" is Vladimir Putin
 * (the nearest earlier full name wins, else the first later one); an untyped word takes the type the
 * same word has elsewhere in the article ("from Vuhledar" makes every "Vuhledar" a place); the rest
 * stay untyped, and untyped candidates are never reported.
 */
final class SingleWords {

  private SingleWords() {}

  static void resolve(Candidates candidates) {
    Map<String, List<Candidate>> fullNamesBySurname = new HashMap<>();
    for (Candidate c : candidates) {
      if (c.kind == EntityKind.PERSON && c.words >= 2) {
        fullNamesBySurname.computeIfAbsent(NameRuns.lastWord(c.canonical), k -> new ArrayList<>()).add(c);
      }
    }
    for (Candidate c : candidates) {
      boolean singleWord = c.words == 1;
      boolean mayBeSurname = c.kind == null || c.kind == EntityKind.PERSON
          || (c.gazetteerHit && !c.locationCue && !c.surface.contains("."));
      if (!singleWord || !mayBeSurname) {
        continue;
      }
      List<Candidate> fullNames = fullNamesBySurname.get(c.surface);
      if (fullNames != null) {
        Candidate match = null;
        for (Candidate full : fullNames) { // candidates are in reading order
          if (full.order < c.order || match == null) {
            match = full;
          }
        }
        c.kind = EntityKind.PERSON;
        c.canonical = match.canonical;
      } else if (c.kind == null && c.locationCue) {
        c.kind = EntityKind.LOCATION;
      }
    }
    Map<String, Candidate> typedWords = new HashMap<>();
    for (Candidate c : candidates) {
      if (c.kind != null && c.words == 1) {
        typedWords.putIfAbsent(c.surface, c);
      }
    }
    for (Candidate c : candidates) {
      Candidate typed = c.kind == null ? typedWords.get(c.surface) : null;
      if (typed != null) {
        c.kind = typed.kind;
        c.canonical = typed.canonical;
      }
    }
  }
}
