package io.newsflow.enrich.text;

import java.util.Objects;

/** A weighted term of an article's term vector; the weights of one article form a unit vector. */
public record Term(String term, double weight) {

  public Term {
    Objects.requireNonNull(term, "term");
  }
}
