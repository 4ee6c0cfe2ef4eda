package io.newsflow.enrich.text.entities;

/** Weight of a mention by where it occurs: headline, lead paragraph, rest of the body. */
public enum Zone {
  TITLE(3.0),
  LEAD(2.0),
  BODY(1.0);

  final double weight;

  Zone(double weight) {
    this.weight = weight;
  }
}
