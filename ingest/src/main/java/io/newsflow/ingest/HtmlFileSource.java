package io.newsflow.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A saved {@code .html}/{@code .htm} page. The body stays HTML (enrich extracts the text); ingest
 * only takes what identifies the article: headline from {@code <title>}, else the first
 * {@code <h1>}; URL from {@code <link rel=canonical>} when absolute; language from
 * {@code <html lang>}. Guid, source and publication time as for text files. The page is decoded in
 * the charset it declares (UTF-8 when it declares none), strictly.
 */
public final class HtmlFileSource implements FileSource {

  @Override
  public void read(Path file, SourceListener out) {
    byte[] bytes;
    Instant modified;
    Document page;
    try {
      bytes = Files.readAllBytes(file);
      modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.MILLIS);
      // jsoup finds the declared charset (BOM, then <meta charset>); we then hold the bytes to it.
      page = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
    } catch (IOException e) {
      out.rejected(new Rejection(file.toString(), RejectionReason.UNREADABLE, LocalFiles.describe(e), null));
      return;
    }
    out.bytesRead(bytes.length);
    Charset charset = page.charset();
    String html;
    try {
      html = StrictText.decode(bytes, charset);
    } catch (StrictText.UndecodableException e) {
      boolean utf8 = charset.equals(StandardCharsets.UTF_8);
      out.rejected(new Rejection(LocalFiles.origin(file, StrictText.lineOf(bytes, e.offset())),
          utf8 ? RejectionReason.NOT_UTF8 : RejectionReason.UNREADABLE,
          "not valid " + (utf8 ? "UTF-8" : charset.name()) + " at byte " + e.offset(), bytes));
      return;
    }

    String title = headline(page);
    if (title.isEmpty()) {
      out.rejected(new Rejection(LocalFiles.origin(file, 1), RejectionReason.MISSING_FIELD,
          "no <title> or <h1>", bytes));
      return;
    }
    if (page.body() == null || page.body().text().isBlank()) {
      out.rejected(new Rejection(LocalFiles.origin(file, 1), RejectionReason.EMPTY_BODY,
          "the page has no text", bytes));
      return;
    }
    String stem = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".htm")
        ? LocalFiles.stem(file, ".htm") : LocalFiles.stem(file, ".html");
    out.article(new IncomingArticle(LocalFiles.folderSource(file), canonicalLink(page), stem, title, html,
        true, language(page), null, modified, LocalFiles.origin(file, 1)));
  }

  private static String headline(Document page) {
    String title = page.title().strip();
    if (!title.isEmpty()) {
      return title;
    }
    Element h1 = page.selectFirst("h1");
    return h1 == null ? "" : h1.text().strip();
  }

  private static String canonicalLink(Document page) {
    Element link = page.selectFirst("link[rel=canonical][href]");
    if (link == null) {
      return null;
    }
    String href = link.attr("href").strip();
    // A relative link would need the page's own address, which a saved file no longer has.
    String lower = href.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") ? href : null;
  }

  private static String language(Document page) {
    Element root = page.selectFirst("html[lang]");
    if (root == null) {
      return null;
    }
    String primary = root.attr("lang").strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    return primary.isEmpty() ? null : primary;
  }
}
