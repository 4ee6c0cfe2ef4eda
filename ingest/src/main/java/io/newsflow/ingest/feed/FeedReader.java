package io.newsflow.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.RejectionReason;
import io.newsflow.ingest.SourceListener;
import io.newsflow.ingest.StrictText;
import io.newsflow.platform.text.MarkupTags;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Reads one fetched RSS 2.0 / RSS 0.9x / Atom document into articles, with Rome. Never throws for bad
 * input: a document that cannot be decoded or parsed is one rejection for the whole feed (origin =
 * feed URL, the bytes kept for the dead letter); an item without a title, without text, or without
 * a link or guid is one rejection (origin = {@code <feed URL>#item-N}, N counting from 1).
 *
 * <p>Per item: URL = the item link (resolved against the feed URL when relative; canonicalised later
 * with the article id), guid = RSS {@code guid} / Atom {@code id}, title as text, body = the full
 * content ({@code content:encoded}, Atom {@code content}) when present, else the description or
 * summary; publication time from {@code pubDate}/{@code published}, else {@code updated}.
 */
public final class FeedReader {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /** A tag, comment or character reference: what makes a body HTML rather than text. */
  private static final Pattern MARKUP = Pattern.compile("<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z]|!--)|&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

  /**
   * Reads {@code body} (as fetched, with its {@code Content-Type} or null) of {@code feed}.
   *
   * @param allowEmptyText accept items with a title and link but no text, because their article
   *                       page will be fetched (the feed's {@code fetch-pages} option)
   * @return false when the whole document was rejected (not a feed), true when its items were read
   */
  public boolean read(Feed feed, byte[] body, String contentType, boolean allowEmptyText, SourceListener out) {
    return read(feed, feed.url(), body, contentType, allowEmptyText, out);
  }

  /** Reads a fetched document of {@code feed}; relative links resolve against where it came from, after redirects. */
  public boolean read(Feed feed, Fetched document, boolean allowEmptyText, SourceListener out) {
    return read(feed, document.url(), document.body(), document.contentType(), allowEmptyText, out);
  }

  private boolean read(Feed feed, URI base, byte[] body, String contentType, boolean allowEmptyText,
                       SourceListener out) {
    String origin = feed.url().toString();
    SyndFeed parsed;
    try {
      Charset charset = DeclaredCharset.of(body, contentType);
      parsed = parse(StrictText.decode(body, charset));
    } catch (DeclaredCharset.UnknownCharsetException e) {
      out.rejected(new Rejection(origin, RejectionReason.UNREADABLE, e.getMessage(), body));
      return false;
    } catch (StrictText.UndecodableException e) {
      out.rejected(new Rejection(origin, RejectionReason.MALFORMED_FEED,
          "not valid in its declared charset at byte " + e.offset(), body));
      return false;
    } catch (FeedException e) {
      out.rejected(new Rejection(origin, RejectionReason.MALFORMED_FEED, e.getMessage(), body));
      return false;
    }
    String language = language(parsed.getLanguage());
    List<SyndEntry> entries = parsed.getEntries();
    for (int i = 0; i < entries.size(); i++) {
      item(feed, base, entries.get(i), origin + "#item-" + (i + 1), language, allowEmptyText, out);
    }
    return true;
  }

  private static SyndFeed parse(String xml) throws FeedException {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);   // no DTDs, so no external entities (XXE) from a hostile feed
    try {
      return input.build(new StringReader(xml));
    } catch (IllegalArgumentException e) {
      throw new FeedException("not an RSS or Atom feed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Rome trusts the document's shape in places; whatever it trips over, it is this feed's fault.
      throw new FeedException("unreadable feed: " + e, e);
    }
  }

  private static void item(Feed feed, URI base, SyndEntry entry, String origin, String language, boolean allowEmptyText,
                           SourceListener out) {
    String title = text(entry.getTitle());
    String url = link(base, entry.getLink());
    String guid = blankToNull(entry.getUri());
    SyndContent content = body(entry);
    String body = content == null || content.getValue() == null ? "" : content.getValue().strip();
    boolean html = isHtml(content, body);
    if (title.isEmpty()) {
      out.rejected(new Rejection(origin, RejectionReason.MISSING_FIELD, "item has no title", raw(url, guid, title, body)));
      return;
    }
    if (url == null && guid == null) {
      out.rejected(new Rejection(origin, RejectionReason.MISSING_FIELD, "item has neither link nor guid", raw(url, guid, title, body)));
      return;
    }
    boolean hasText = !(html ? Jsoup.parseBodyFragment(body).text() : body).isBlank();
    if (!hasText && !(allowEmptyText && url != null)) {
      out.rejected(new Rejection(origin, RejectionReason.EMPTY_BODY, "item '" + title + "' has no text", raw(url, guid, title, body)));
      return;
    }
    out.article(new IncomingArticle(feed.source(), url, guid, title, body, html, language,
        blankToNull(entry.getAuthor()), published(entry), origin));
  }

  /** Full content first: feeds that have it put only a teaser in the description. */
  private static SyndContent body(SyndEntry entry) {
    for (SyndContent content : entry.getContents()) {
      if (content.getValue() != null && !content.getValue().isBlank()) {
        return content;
      }
    }
    return entry.getDescription();
  }

  /**
   * Markup in a body that does not say it is plain text. The declared type alone misleads: Rome calls
   * every RSS description HTML, and many are plain sentences, better passed on as text.
   */
  private static boolean isHtml(SyndContent content, String body) {
    String type = content == null || content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
    if (type.equals("text") || type.equals("text/plain")) {
      return false;
    }
    return MARKUP.matcher(body).find();
  }

  /**
   * Titles may carry entities or markup (Atom type="html"); articles want plain text. A bracketed name is text, not
   * a tag ("COBANCO INC &lt;CBCO&gt; YEAR NET", ADR 40): kept as written, as the SGML reader keeps it.
   */
  private static String text(String value) {
    if (value == null) {
      return "";
    }
    return value.indexOf('<') >= 0 || value.indexOf('&') >= 0
        ? Jsoup.parseBodyFragment(MarkupTags.textBracketsEscaped(value)).text().strip()
        : WHITESPACE.matcher(value.strip()).replaceAll(" ");
  }

  private static String link(URI base, String link) {
    String value = blankToNull(link);
    if (value == null) {
      return null;
    }
    try {
      return base.resolve(value).toString();
    } catch (IllegalArgumentException e) {
      return value;   // not a URI: kept as given, it still hashes to a stable id
    }
  }

  private static Instant published(SyndEntry entry) {
    Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return date == null ? null : date.toInstant();
  }

  private static String language(String declared) {
    if (declared == null) {
      return null;
    }
    String primary = declared.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    return primary.matches("[a-z]{2,3}") ? primary : null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** What the item held, for the dead letter: the feed's bytes are too big to copy per item. */
  private static byte[] raw(String url, String guid, String title, String body) {
    return ("link: " + url + "\nguid: " + guid + "\ntitle: " + title + "\n\n" + body).getBytes(StandardCharsets.UTF_8);
  }
}
