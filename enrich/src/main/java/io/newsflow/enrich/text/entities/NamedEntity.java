package io.newsflow.enrich.text.entities;

import java.util.List;
import java.util.Objects;

/**
 * One entity of an article after within-article canonicalisation.
 *
 * @param name canonical name ("Vladimir Putin", "United States")
 * @param kind entity type
 * @param surfaceForms distinct spellings seen in the article, sorted
 * @param mentions number of mentions, title included
 * @param salience weighted mentions (title x3, lead paragraph x2) divided by the article's maximum, in [0,1]
 */
public record NamedEntity(String name, EntityKind kind, List<String> surfaceForms, int mentions, double salience) {

  public NamedEntity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    surfaceForms = List.copyOf(surfaceForms);
    if (mentions < 1) {
      throw new IllegalArgumentException("mentions must be >= 1, got " + mentions);
    }
    if (!(salience >= 0.0 && salience <= 1.0)) {
      throw new IllegalArgumentException("salience must be in [0,1], got " + salience);
    }
  }
}
