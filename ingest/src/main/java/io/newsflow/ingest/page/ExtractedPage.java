package io.newsflow.ingest.page;

import java.time.Instant;
import java.util.List;

/**
 * What {@link PageExtractor} found on an article page. Any field may be missing (null, or no
 * paragraphs): pages are messy, and the caller decides what it can do without.
 *
 * @param title        headline
 * @param paragraphs   the article's text, one entry per paragraph, boilerplate removed
 * @param byline       author as the page states it
 * @param publishedAt  publication time
 * @param canonicalUrl absolute address from {@code <link rel=canonical>}
 */
public record ExtractedPage(String title, List<String> paragraphs, String byline, Instant publishedAt,
                            String canonicalUrl) {
  public ExtractedPage {
    paragraphs = List.copyOf(paragraphs);
  }

  /** The paragraphs as plain text, separated by blank lines. */
  public String text() {
    return String.join("\n\n", paragraphs);
  }
}
