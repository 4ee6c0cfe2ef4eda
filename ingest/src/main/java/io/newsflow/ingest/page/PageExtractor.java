package io.newsflow.ingest.page;

import io.newsflow.ingest.PublicationDates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts the article from a news page with jsoup. Plain Java: HTML in, {@link ExtractedPage} out;
 * never throws for bad HTML (a page with nothing recognisable gives an empty result).
 *
 * <ul>
 *   <li>title: {@code og:title}, else the JSON-LD headline, else the first {@code <h1>}, else {@code <title>};</li>
 *   <li>byline: {@code <meta name=author>}, else JSON-LD author, else {@code [rel=author]}, else {@code .byline};</li>
 *   <li>published: {@code article:published_time}, {@code <meta name=date>}, JSON-LD
 *       {@code datePublished}, else the first {@code <time datetime>};</li>
 *   <li>canonical URL: {@code <link rel=canonical>}, made absolute against the page's URL;</li>
 *   <li>text: the paragraphs of {@code [itemprop=articleBody]}, else of the {@code <article>} with the
 *       most paragraph text, else of the element holding the most paragraph text directly, after
 *       {@link Boilerplate} is removed; JSON-LD {@code articleBody} when no paragraph is found.</li>
 * </ul>
 * Metadata is read before the clean-up, because page headers hold the headline and byline.
 */
public final class PageExtractor {

  /** The article on {@code html}, a page fetched from {@code baseUrl} (for relative links). */
  public ExtractedPage extract(String html, String baseUrl) {
    return extract(Jsoup.parse(html, baseUrl));
  }

  /**
   * The article on a page as fetched: decoded in the charset of the {@code Content-Type} header
   * when it names one, else the page's byte-order mark or {@code <meta charset>}, else UTF-8.
   */
  public ExtractedPage extract(byte[] html, String contentType, String baseUrl) {
    String charset = headerCharset(contentType);
    try {
      return extract(Jsoup.parse(new ByteArrayInputStream(html), charset, baseUrl));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return extract(html, null, baseUrl);   // a header naming an unknown charset: let the page say
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
  }

  private ExtractedPage extract(Document page) {
    JsonLdArticle jsonLd = JsonLdArticle.of(page);
    String title = firstNonBlank(meta(page, "meta[property=og:title]"), jsonLd.headline(),
        text(page.selectFirst("h1")), page.title());
    String byline = firstNonBlank(notUrl(meta(page, "meta[name=author]")), jsonLd.author(),
        text(page.selectFirst("[rel=author]")), text(page.selectFirst(".byline")));
    Instant published = firstDate(meta(page, "meta[property=article:published_time]"),
        meta(page, "meta[name=date]"), jsonLd.datePublished(),
        attr(page.selectFirst("time[datetime]"), "datetime"));
    String canonical = canonical(page);

    Boilerplate.remove(page);
    List<String> paragraphs = paragraphs(mainContent(page));
    if (paragraphs.isEmpty() && jsonLd.articleBody() != null) {
      paragraphs = List.of(jsonLd.articleBody());
    }
    return new ExtractedPage(title, paragraphs, byline, published, canonical);
  }

  private static Element mainContent(Document page) {
    Element marked = page.selectFirst("[itemprop=articleBody]");
    if (marked != null && paragraphChars(marked.select("p")) > 0) {
      return marked;
    }
    Element best = null;
    int bestChars = 0;
    for (Element article : page.select("article")) {
      int chars = paragraphChars(article.select("p"));
      if (chars > bestChars) {
        best = article;
        bestChars = chars;
      }
    }
    return best != null ? best : densestBlock(page);
  }

  /** The element whose own {@code <p>} children hold the most text: where the article usually sits. */
  private static Element densestBlock(Document page) {
    Element best = null;
    int bestChars = 0;
    for (Element p : page.select("p")) {
      Element parent = p.parent();
      if (parent == null || parent == best) {
        continue;
      }
      int chars = 0;
      for (Element child : parent.children()) {
        chars += child.normalName().equals("p") ? child.text().length() : 0;
      }
      if (chars > bestChars) {
        best = parent;
        bestChars = chars;
      }
    }
    return best;
  }

  private static List<String> paragraphs(Element container) {
    List<String> out = new ArrayList<>();
    if (container == null) {
      return out;
    }
    for (Element p : container.select("p")) {
      String text = p.text().strip();
      if (!text.isEmpty()) {
        out.add(text);
      }
    }
    return out;
  }

  private static int paragraphChars(Elements paragraphs) {
    int chars = 0;
    for (Element p : paragraphs) {
      chars += p.text().length();
    }
    return chars;
  }

  private static String canonical(Document page) {
    Element link = page.selectFirst("link[rel=canonical][href]");
    if (link == null) {
      return null;
    }
    String url = link.absUrl("href");
    String lower = url.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? url : null;
  }

  private static Instant firstDate(String... candidates) {
    for (String candidate : candidates) {
      if (candidate == null || candidate.isBlank()) {
        continue;
      }
      try {
        return PublicationDates.parse(candidate);
      } catch (DateTimeParseException e) {
        // a date in a form we do not read: the next source may have it right
      }
    }
    return null;
  }

  private static String meta(Document page, String selector) {
    return attr(page.selectFirst(selector), "content");
  }

  private static String attr(Element element, String name) {
    return element == null ? null : element.attr(name).strip();
  }

  private static String text(Element element) {
    return element == null ? null : element.text().strip();
  }

  /** Some sites put a profile link in {@code meta name=author}; that is no byline. */
  private static String notUrl(String value) {
    return value != null && value.toLowerCase(Locale.ROOT).startsWith("http") ? null : value;
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  private static String headerCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = p.substring("charset=".length()).replace("\"", "").strip();
        return name.isEmpty() ? null : name;
      }
    }
    return null;
  }
}
