package io.newsflow.enrich.text.entities;

import java.util.HashMap;
import java.util.Map;

/**
 * Step 7 of {@link EntityRecognizer}, one name, one type within an article: every mention of a
 * surface takes the type most of its mentions got (a tie keeps each mention's own), so "Pirelli
 * shares" corrects the "Pirelli" a lone sentence made a person. A team named in a results line
 * stays a team everywhere.
 */
final class ConsistentLabels {

  /** A name typed by a results line outvotes its other mentions: "Surrey 429-7" makes every "Surrey" the team. */
  static final int LAYOUT_VOTES = 1000;

  private ConsistentLabels() {}

  static void apply(Candidates candidates) {
    Map<String, int[]> votes = new HashMap<>();
    for (Candidate c : candidates) {
      if (c.kind != null) {
        votes.computeIfAbsent(c.surface, k -> new int[EntityKind.values().length])[c.kind.ordinal()] +=
            c.byLayout ? LAYOUT_VOTES : 1;
      }
    }
    for (Candidate c : candidates) {
      int[] v = c.kind == null ? null : votes.get(c.surface);
      if (v == null || c.byLayout) {
        continue;
      }
      int best = c.kind.ordinal();
      for (int k = 0; k < v.length; k++) {
        if (v[k] > v[best]) {
          best = k;
        }
      }
      if (best != c.kind.ordinal()) {
        c.kind = EntityKind.values()[best];
        c.canonical = c.surface;
      }
    }
  }
}
