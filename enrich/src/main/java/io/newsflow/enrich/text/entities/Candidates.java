package io.newsflow.enrich.text.entities;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The names found in one article, in the order the steps found them. */
final class Candidates implements Iterable<Candidate> {

  private final List<Candidate> list = new ArrayList<>();
  private int nextOrder;

  /** Adds the run as a candidate and returns it. */
  Candidate add(List<CasedToken> run, Zone zone, int paragraph, EntityKind kind, String canonical,
      boolean gazetteerHit, boolean locationCue) {
    Candidate c = new Candidate(zone, paragraph, nextOrder++, run, kind, canonical, gazetteerHit, locationCue);
    list.add(c);
    return c;
  }

  /** The last-found candidate of the paragraph that overlaps characters [start, end), or null. */
  Candidate lastOverlapping(int paragraph, int start, int end) {
    Candidate covering = null;
    for (Candidate c : list) {
      if (c.paragraph == paragraph && c.start < end && start < c.end) {
        covering = c;
      }
    }
    return covering;
  }

  /** Drops the untyped candidates of the paragraph that overlap characters [start, end). */
  void removeUntypedOverlapping(int paragraph, int start, int end) {
    list.removeIf(c -> c.kind == null && c.paragraph == paragraph && c.start < end && start < c.end);
  }

  List<Candidate> asList() {
    return list;
  }

  @Override
  public Iterator<Candidate> iterator() {
    return list.iterator();
  }
}
