package io.newsflow.ingest;

import java.time.Instant;
import java.util.Objects;

/**
 * An article as a source read it, before it gets an id or an ingest time. Plain data, no Kafka.
 *
 * @param source      outlet or feed name
 * @param url         address as given by the source (not yet canonical), or null
 * @param guid        the source's own id for the article (file name, archive id), or null
 * @param title       headline
 * @param body        plain text, or HTML when {@code isHtml}
 * @param isHtml      whether {@code body} is HTML
 * @param language    language declared by the source, or null
 * @param author      byline, or null
 * @param publishedAt publication time declared by the source, or null
 * @param origin      where it was read: {@code path:line}
 */
public record IncomingArticle(String source, String url, String guid, String title, String body,
                              boolean isHtml, String language, String author, Instant publishedAt,
                              String origin) {
  public IncomingArticle {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(origin, "origin");
    if ((url == null || url.isBlank()) && guid == null) {
      throw new IllegalArgumentException("an article needs a URL or a guid to get a stable id: " + origin);
    }
  }
}
