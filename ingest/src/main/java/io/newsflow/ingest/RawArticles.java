package io.newsflow.ingest;

import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Turns what a source read into the {@link RawArticle} record that goes to the raw topic. */
public final class RawArticles {
  private RawArticles() {}

  /**
   * The record for {@code article}, read at {@code ingestedAt}: id from {@link ArticleIds}, the URL
   * in its {@link CanonicalUrl canonical} form. Times are kept to the millisecond, as the schema stores them.
   */
  public static RawArticle from(IncomingArticle article, Instant ingestedAt) {
    boolean hasUrl = article.url() != null && !article.url().isBlank();
    return RawArticle.newBuilder()
        .setArticleId(ArticleIds.of(article))
        .setSource(article.source())
        .setUrl(hasUrl ? CanonicalUrl.of(article.url()) : null)
        .setGuid(article.guid())
        .setTitle(article.title())
        .setBody(article.body())
        .setBodyFormat(article.isHtml() ? BodyFormat.HTML : BodyFormat.TEXT)
        .setLanguage(article.language())
        .setAuthor(article.author())
        .setPublishedAt(article.publishedAt() == null ? null : article.publishedAt().truncatedTo(ChronoUnit.MILLIS))
        .setIngestedAt(ingestedAt.truncatedTo(ChronoUnit.MILLIS))
        .setOrigin(article.origin())
        .build();
  }
}
