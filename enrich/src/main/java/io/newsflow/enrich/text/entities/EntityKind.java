package io.newsflow.enrich.text.entities;

/** The entity types the enrich service reports; CoNLL's MISC is deliberately left out. */
public enum EntityKind {
  PERSON,
  ORGANIZATION,
  LOCATION
}
