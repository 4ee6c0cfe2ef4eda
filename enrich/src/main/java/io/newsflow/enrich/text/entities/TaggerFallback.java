package io.newsflow.enrich.text.entities;

import java.util.Arrays;
import java.util.List;

/**
 * Types the names the rules found but could not type ("?" hints: a capitalised word with no
 * gazetteer entry, keyword, title or cue) with the trained tagger, which reads the rules' hints as
 * features. Where the rules decided, they stay: on gold data they are more precise than the tagger,
 * and letting the tagger add names elsewhere cost more precision than it gained recall.
 */
final class TaggerFallback {

  private final EntityTagger tagger;
  private final Candidates candidates;

  TaggerFallback(EntityTagger tagger, Candidates candidates) {
    this.tagger = tagger;
    this.candidates = candidates;
  }

  /**
   * Per token of a paragraph, what the rules made of it: "PER-B", "ORG-I" ..., "?" inside an
   * untyped candidate, "-" outside any. The tagger reads these in training as at run time.
   */
  static String[] hints(Candidates candidates, List<CasedToken> tokens, int paragraph) {
    String[] hints = new String[tokens.size()];
    Arrays.fill(hints, "-");
    for (Candidate c : candidates) {
      if (c.paragraph != paragraph) {
        continue;
      }
      boolean first = true;
      for (int k = 0; k < tokens.size(); k++) {
        CasedToken t = tokens.get(k);
        if (t.start() >= c.start && t.end() <= c.end) {
          hints[k] = c.kind == null ? "?" : IobTags.typeName(c.kind) + (first ? "-B" : "-I");
          first = false;
        }
      }
    }
    return hints;
  }

  void typeUntyped(List<CasedToken> tokens, Zone zone, int paragraph) {
    String[] hints = hints(candidates, tokens, paragraph);
    int lastUntyped = Arrays.asList(hints).lastIndexOf("?");
    if (lastUntyped < 0) {
      return; // nothing to decide: the tagger's cost is paid only where it is needed
    }
    // only spans of "?" tokens count: labels up to the token after the last one decide them all
    int limit = Math.min(tokens.size(), lastUntyped + 2);
    for (EntitySpan span : tagger.tag(tokens, hints, limit)) {
      boolean untyped = true;
      for (int k = span.start(); k < span.end(); k++) {
        untyped &= hints[k].equals("?");
      }
      if (untyped) {
        int start = tokens.get(span.start()).start();
        int end = tokens.get(span.end() - 1).end();
        // the tagger's name replaces the untyped candidates it covers, so no mention counts twice
        candidates.removeUntypedOverlapping(paragraph, start, end);
        candidates.add(tokens.subList(span.start(), span.end()), zone, paragraph, span.kind(), null, false, false);
      }
    }
  }
}
