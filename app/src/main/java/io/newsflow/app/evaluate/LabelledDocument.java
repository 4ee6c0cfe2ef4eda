package io.newsflow.app.evaluate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One document of a labelled clustering dataset (the ECB+ and GVC form in shared/data).
 *
 * @param created document creation date, or null when the dataset has none (ECB+)
 * @param time    the creation time, when {@code dct} gives one and not only a date
 */
public record LabelledDocument(String docId, String clusterId, String split, String title, String text,
                               LocalDate created, String url, Instant time) {
  public LabelledDocument(String docId, String clusterId, String split, String title, String text,
                          LocalDate created, String url) {
    this(docId, clusterId, split, title, text, created, url, null);
  }
}
