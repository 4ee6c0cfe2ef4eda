package io.newsflow.app.evaluate;

import io.newsflow.ingest.IncomingArticle;

/** Turns labelled documents into articles as ingest would see them, identified by doc id. */
public final class DatasetArticles {
  static final int MAX_TITLE = 200;

  private DatasetArticles() {}

  /**
   * The article for {@code timed}. The URL is left out of identity on purpose: datasets hold distinct
   * documents under one URL (updates of a live page), and evaluation must keep them apart.
   */
  public static IncomingArticle of(ReplayOrder.TimedDocument timed, String source) {
    LabelledDocument d = timed.document();
    String title = d.title() != null && !d.title().isBlank() ? d.title() : firstLine(d.text());
    return new IncomingArticle(source, null, d.docId(), title, d.text(), false, null, null, timed.publishedAt(),
        source + ":" + d.docId());
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() <= MAX_TITLE ? line : line.substring(0, MAX_TITLE);
  }
}
