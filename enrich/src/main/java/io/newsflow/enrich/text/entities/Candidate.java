package io.newsflow.enrich.text.entities;

import java.util.List;

/**
 * A name found in an article, before the article-wide steps settle its type and canonical name;
 * {@code kind} null means "a single unknown word, maybe a surname".
 */
final class Candidate {
  final Zone zone;
  final int paragraph;
  /** Position in the order names were found: the nearest earlier full name wins a surname. */
  final int order;
  /** Character offsets in the paragraph (or the title). */
  final int start;
  final int end;
  final String surface;
  /** Words, connectors ("of", "van") not counted. */
  final int words;
  EntityKind kind;
  String canonical;
  final boolean gazetteerHit;
  /** After "in", "near", "from" ...: an unknown single word here is taken for a place. */
  final boolean locationCue;
  /** A person only because it is two to four plain capitalised words: the weakest guess. */
  boolean guessedPerson;
  /** Typed by the layout of a results line, fixture, table or dateline: a team, a venue, a place. */
  boolean byLayout;

  Candidate(Zone zone, int paragraph, int order, List<CasedToken> tokens, EntityKind kind, String canonical,
      boolean gazetteerHit, boolean locationCue) {
    this.zone = zone;
    this.paragraph = paragraph;
    this.order = order;
    this.start = tokens.get(0).start();
    this.end = tokens.get(tokens.size() - 1).end();
    this.surface = NameRuns.surfaceOf(tokens);
    this.words = (int) tokens.stream().filter(t -> t.word() && !NameRuns.isConnector(t)).count();
    this.kind = kind;
    this.canonical = canonical == null ? surface : canonical;
    this.gazetteerHit = gazetteerHit;
    this.locationCue = locationCue;
  }
}
