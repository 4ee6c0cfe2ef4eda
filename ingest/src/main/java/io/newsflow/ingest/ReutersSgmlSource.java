package io.newsflow.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Reuters-21578 SGML file ({@code .sgm}): each {@code <REUTERS NEWID="..">} element is one article
 * from source "reuters", language "en" (the corpus is English throughout), guid = NEWID, headline from {@code <TITLE>}, publication time from
 * {@code <DATE>} ({@link ReutersDates}), body = {@code <DATELINE>} + {@code <BODY>} (the dateline
 * is how the wire story begins, "SALVADOR, Feb 26 - Showers continued...", and names the place).
 * Entities are resolved and transmission control codes dropped ({@link SgmlText}).
 *
 * <p>Decoding: the files are ASCII with a few Latin-1 bytes (one 0xFC in reut2-017), and every
 * control code appears as an entity. They are read as ISO-8859-1 on purpose, not strict UTF-8:
 * every byte is a valid Latin-1 character, so nothing is rejected for encoding, and the raw bytes of
 * a rejected document are recovered exactly by encoding it back.
 *
 * <p>Documents are streamed one at a time. Without a {@code <BODY>} (headline-only briefs, tables
 * marked {@code TYPE="UNPROC"}) a document is rejected as {@code no-body}, with its start line.
 */
public final class ReutersSgmlSource implements FileSource {
  static final String SOURCE = "reuters";
  /** The longest document is about 12 KB; a missing end tag must not read the rest of the file into one. */
  static final int MAX_DOCUMENT_CHARS = 1 << 20;

  private static final SgmlDocuments DOCUMENTS = new SgmlDocuments("REUTERS", MAX_DOCUMENT_CHARS);
  private static final Pattern NEWID = Pattern.compile("^<REUTERS\\b[^>]*\\bNEWID=\"([^\"]+)\"");
  private static final Pattern TEXT_TYPE = Pattern.compile("<TEXT\\s+TYPE=\"([^\"]*)\"");

  @Override
  public void read(Path file, SourceListener out) {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(new CountingInputStream(Files.newInputStream(file), out), StandardCharsets.ISO_8859_1), 1 << 16)) {
      DOCUMENTS.split(in, new SgmlDocuments.Handler() {
        @Override
        public void document(String text, long line) {
          read(text, LocalFiles.origin(file, line), out);
        }

        @Override
        public void broken(String textSoFar, long line, String problem) {
          out.rejected(new Rejection(LocalFiles.origin(file, line), RejectionReason.UNREADABLE,
              "<REUTERS> element " + problem, bytes(textSoFar)));
        }
      });
    } catch (IOException e) {
      out.rejected(new Rejection(file.toString(), RejectionReason.UNREADABLE, LocalFiles.describe(e), null));
    }
  }

  private static void read(String document, String origin, SourceListener out) {
    Matcher id = NEWID.matcher(document);
    String body = element(document, "BODY");
    String title = element(document, "TITLE");
    if (!id.find()) {
      out.rejected(new Rejection(origin, RejectionReason.MISSING_FIELD, "no NEWID attribute", bytes(document)));
    } else if (body == null) {
      Matcher type = TEXT_TYPE.matcher(document);
      out.rejected(new Rejection(origin, RejectionReason.NO_BODY, "NEWID " + id.group(1) + " has no <BODY>"
          + (type.find() ? " (TEXT TYPE=\"" + type.group(1) + "\")" : ""), bytes(document)));
    } else if (body.isBlank()) {
      out.rejected(new Rejection(origin, RejectionReason.EMPTY_BODY, "NEWID " + id.group(1) + " has an empty <BODY>", bytes(document)));
    } else if (title == null || title.isBlank()) {
      out.rejected(new Rejection(origin, RejectionReason.MISSING_FIELD, "NEWID " + id.group(1) + " has no <TITLE>", bytes(document)));
    } else {
      Instant published;
      String date = element(document, "DATE");
      try {
        published = date == null ? null : ReutersDates.parse(date);
      } catch (DateTimeParseException e) {
        out.rejected(new Rejection(origin, RejectionReason.INVALID_DATE, e.getMessage(), bytes(document)));
        return;
      }
      String dateline = element(document, "DATELINE");
      String text = dateline == null || dateline.isBlank() ? body.strip() : dateline.strip() + " " + body.strip();
      out.article(new IncomingArticle(SOURCE, null, id.group(1), title.strip().replaceAll("\\s+", " "), text,
          false, "en", null, published, origin));
    }
  }

  /** The resolved text of the first {@code <name>} element, or null when there is none. */
  private static String element(String document, String name) {
    int start = document.indexOf("<" + name + ">");
    if (start < 0) {
      return null;
    }
    start += name.length() + 2;
    int end = document.indexOf("</" + name + ">", start);
    return SgmlText.of(end < 0 ? document.substring(start) : document.substring(start, end));
  }

  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }
}
