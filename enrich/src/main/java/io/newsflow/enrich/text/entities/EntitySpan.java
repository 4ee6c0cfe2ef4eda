package io.newsflow.enrich.text.entities;

import java.util.Objects;

/**
 * A typed run of tokens in one sentence: tokens {@code start} (inclusive) to {@code end} (exclusive).
 * Two spans are the same entity only when both boundaries and the kind agree (conlleval semantics).
 */
public record EntitySpan(int start, int end, EntityKind kind) {

  public EntitySpan {
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }
}
