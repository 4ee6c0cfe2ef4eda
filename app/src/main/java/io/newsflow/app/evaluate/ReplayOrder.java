package io.newsflow.app.evaluate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The order in which a labelled dataset is replayed, and the publication times it gets: by creation
 * time where every document has one (then doc id), else by creation date where every document has one
 * (then doc id), else a seeded shuffle one minute apart. Never grouped by label, which would make
 * clustering look easier than it is.
 */
public record ReplayOrder(List<TimedDocument> documents, String description) {
  static final Instant UNDATED_START = Instant.parse("2020-01-01T00:00:00Z");

  /** A document with the publication time it is replayed with. */
  public record TimedDocument(LabelledDocument document, Instant publishedAt) {}

  public static ReplayOrder of(List<LabelledDocument> docs, long seed) {
    List<TimedDocument> timed = new ArrayList<>();
    if (!docs.isEmpty() && docs.stream().allMatch(d -> d.time() != null)) {
      List<LabelledDocument> sorted = new ArrayList<>(docs);
      sorted.sort(Comparator.comparing(LabelledDocument::time).thenComparing(LabelledDocument::docId));
      sorted.forEach(d -> timed.add(new TimedDocument(d, d.time())));
      return new ReplayOrder(timed, "by publication time (dct), then doc_id");
    }
    if (!docs.isEmpty() && docs.stream().allMatch(d -> d.created() != null)) {
      List<LabelledDocument> sorted = new ArrayList<>(docs);
      sorted.sort(Comparator.comparing(LabelledDocument::created).thenComparing(LabelledDocument::docId));
      LocalDate day = null;
      int withinDay = 0;
      for (LabelledDocument d : sorted) {
        withinDay = d.created().equals(day) ? withinDay + 1 : 0;
        day = d.created();
        // Noon plus a second per document of that day: the date is all the dataset says.
        timed.add(new TimedDocument(d, d.created().atTime(12, 0).toInstant(ZoneOffset.UTC).plusSeconds(withinDay)));
      }
      return new ReplayOrder(timed, "by publication date (dct), then doc_id");
    }
    List<LabelledDocument> shuffled = new ArrayList<>(docs);
    shuffled.sort(Comparator.comparing(LabelledDocument::docId));
    Collections.shuffle(shuffled, new Random(seed));
    for (int i = 0; i < shuffled.size(); i++) {
      timed.add(new TimedDocument(shuffled.get(i), UNDATED_START.plusSeconds(60L * i)));
    }
    return new ReplayOrder(timed, "seeded pseudo-random order (no dates in the dataset), seed " + seed);
  }
}
