package io.newsflow.ingest.feed;

import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.RejectionReason;
import io.newsflow.ingest.page.ExtractedPage;
import io.newsflow.ingest.page.PageExtractor;
import java.net.URI;
import java.net.URISyntaxException;
import org.jsoup.Jsoup;

/**
 * Completes feed items that carry only a summary from their article page, for feeds listed with
 * {@code fetch-pages}. The page is fetched within the same limits as feeds and its text replaces
 * the summary when it is longer. The item keeps its own link (its identity: the article id must not
 * depend on whether a page fetch worked), title, and any author and date the feed gave; the page
 * fills in those the feed lacked.
 */
final class ArticlePages {
  /** Less text than this is a teaser, not an article: news articles run to thousands of characters. */
  static final int SHORT_TEXT_CHARS = 300;

  private final FeedFetcher fetcher;
  private final PageExtractor extractor;

  ArticlePages(FeedFetcher fetcher, PageExtractor extractor) {
    this.fetcher = fetcher;
    this.extractor = extractor;
  }

  /** Whether {@code item} is worth completing: it has a link and only a short text. */
  boolean needsPage(IncomingArticle item) {
    return item.url() != null && textLength(item) < SHORT_TEXT_CHARS;
  }

  /**
   * {@code item} with the text of its page, or {@code item} itself when the page has no more text.
   *
   * @throws FetchException when the page cannot be fetched
   */
  IncomingArticle complete(IncomingArticle item) throws FetchException, InterruptedException {
    URI url;
    try {
      url = new URI(item.url());
    } catch (URISyntaxException e) {
      throw new FetchException(RejectionReason.UNSUPPORTED_URL, "not a URL: " + item.url());
    }
    Fetched page = fetcher.fetch(url, Validators.NONE);
    ExtractedPage extracted = extractor.extract(page.body(), page.contentType(), page.url().toString());
    String text = extracted.text();
    if (text.length() <= textLength(item)) {
      return item;
    }
    return new IncomingArticle(item.source(), item.url(), item.guid(), item.title(), text, false, item.language(),
        item.author() != null ? item.author() : extracted.byline(),
        item.publishedAt() != null ? item.publishedAt() : extracted.publishedAt(), item.origin());
  }

  private static int textLength(IncomingArticle item) {
    return (item.isHtml() ? Jsoup.parseBodyFragment(item.body()).text() : item.body()).strip().length();
  }
}
