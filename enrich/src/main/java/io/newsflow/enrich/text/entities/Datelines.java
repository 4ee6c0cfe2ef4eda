package io.newsflow.enrich.text.entities;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Step 6 of {@link EntityRecognizer}, wire datelines: a short paragraph in capitals ending in an ISO
 * date ("NABLUS, West Bank 1996-08-30", "ESCHEN 1996-08-31") opens with the place of the report.
 */
final class Datelines {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final Candidates candidates;

  Datelines(Candidates candidates) {
    this.candidates = candidates;
  }

  void typePlace(List<CasedToken> tokens, Zone zone, int paragraph) {
    int n = tokens.size();
    if (n < 2 || n > 8 || !DATE.matcher(tokens.get(n - 1).text()).matches() || !tokens.get(0).allCaps()) {
      return;
    }
    int end = 1;
    while (end < n && tokens.get(end).allCaps()) {
      end++;
    }
    int startChar = tokens.get(0).start();
    int endChar = tokens.get(end - 1).end();
    Candidate covering = candidates.lastOverlapping(paragraph, startChar, endChar);
    if (covering == null) {
      candidates.add(tokens.subList(0, end), zone, paragraph, EntityKind.LOCATION, null, false, false).byLayout = true;
    } else if (covering.start == startChar && covering.end == endChar) {
      covering.kind = EntityKind.LOCATION;
      covering.byLayout = true;
    }
  }
}
