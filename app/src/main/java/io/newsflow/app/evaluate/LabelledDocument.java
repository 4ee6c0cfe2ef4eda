package io.newsflow.app.evaluate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One document of a labelled clustering dataset (the ECB+ and GVC form in shared/data).
 *
 * @param created document creation date, or null when the dataset has none (ECB+)
 * @param time    the creation time, when {@code dct} gives one and not only a date
 * @param event   what cross-validation keeps in one fold: the ECB+ topic, whose clusters are look-alike events that
 *                must not be learned on one side and scored on the other; the cluster itself elsewhere
 */
public record LabelledDocument(String docId, String clusterId, String split, String title, String text,
                               LocalDate created, String url, Instant time, String event) {
  public LabelledDocument(String docId, String clusterId, String split, String title, String text,
                          LocalDate created, String url, Instant time) {
    this(docId, clusterId, split, title, text, created, url, time, clusterId);
  }

  public LabelledDocument(String docId, String clusterId, String split, String title, String text,
                          LocalDate created, String url) {
    this(docId, clusterId, split, title, text, created, url, null);
  }
}
