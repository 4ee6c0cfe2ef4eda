package io.newsflow.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A JSON Lines archive ({@code .jsonl}, or gzipped {@code .jsonl.gz}), one article object a line,
 * streamed line by line so archives of any size fit in memory. Blank lines are skipped; a bad line
 * is rejected with its line number and the others still go through.
 *
 * <p>Two forms are accepted, field by field:
 * <ul>
 *   <li>feed form: {@code id}, {@code url}, {@code source}, {@code title}, {@code body},
 *       {@code published} (see {@link PublicationDates}), optional {@code language}, {@code author};</li>
 *   <li>labelled-dataset form (ECB+, GVC): {@code doc_id}, {@code title}, {@code text}, optional
 *       {@code dct} (document creation time), {@code url}. These datasets leave the title out of some
 *       documents (ECB+'s {@code ecb} half); there the first line of the text is the headline, as in a
 *       text file, and the text stays whole.</li>
 * </ul>
 * Title and body are required, and an id or a URL (there is no stable identity without one). A
 * missing {@code source} becomes the archive's name without extension (e.g. "ecbplus_documents").
 */
public final class JsonLinesSource implements FileSource {
  /** Longest line held in memory; a longer one is rejected. Far above Kafka's default 1 MiB record limit. */
  static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
  /** How much of an over-long line its dead letter keeps. */
  static final int KEPT_BYTES_OF_LONG_LINE = 64 * 1024;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)   // `{"a":1} junk` is not a valid line
      .build();

  @Override
  public void read(Path file, SourceListener out) {
    boolean gzipped = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    String fallbackSource = LocalFiles.stem(file, gzipped ? ".jsonl.gz" : ".jsonl");
    ByteLines lines = null;
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
         InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw) {
      lines = new ByteLines(in, MAX_LINE_BYTES);
      while (lines.next()) {
        if (!lines.isBlank()) {
          readLine(file, lines, fallbackSource, out);
        }
      }
    } catch (IOException e) {
      // A broken archive (truncated gzip, I/O error): what came before still counts.
      String origin = lines == null ? file.toString() : LocalFiles.origin(file, lines.lineNumber() + 1);
      out.rejected(new Rejection(origin, RejectionReason.UNREADABLE, LocalFiles.describe(e), null));
    }
  }

  private static void readLine(Path file, ByteLines lines, String fallbackSource, SourceListener out) {
    String origin = LocalFiles.origin(file, lines.lineNumber());
    if (lines.truncated()) {
      out.rejected(new Rejection(origin, RejectionReason.TOO_LARGE, "line is longer than "
          + MAX_LINE_BYTES + " bytes; the dead letter keeps its first " + KEPT_BYTES_OF_LONG_LINE,
          lines.copy(KEPT_BYTES_OF_LONG_LINE)));
      return;
    }
    byte[] raw = lines.copy(lines.length());
    try {
      String text = StrictText.decode(raw, StandardCharsets.UTF_8);
      out.article(toArticle(JSON.readTree(text), fallbackSource, origin));
    } catch (StrictText.UndecodableException e) {
      out.rejected(new Rejection(origin, RejectionReason.NOT_UTF8, "not valid UTF-8 at byte " + e.offset(), raw));
    } catch (JsonProcessingException e) {
      out.rejected(new Rejection(origin, RejectionReason.INVALID_JSON,
          e.getOriginalMessage() + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()), raw));
    } catch (BadLine e) {
      out.rejected(new Rejection(origin, e.reason, e.getMessage(), raw));
    }
  }

  private static IncomingArticle toArticle(JsonNode node, String fallbackSource, String origin) throws BadLine {
    if (!node.isObject()) {
      throw new BadLine(RejectionReason.INVALID_JSON, "expected a JSON object, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    boolean dataset = node.has("doc_id");
    String guid = firstOf(node, "id", "doc_id");
    String url = string(node, "url");
    if (guid == null && (url == null || url.isBlank())) {
      throw new BadLine(RejectionReason.MISSING_FIELD, "needs an id or a url");
    }
    String body = string(node, "body");
    if (body == null) {
      body = string(node, "text");
    }
    if (body == null) {
      throw new BadLine(RejectionReason.MISSING_FIELD, "missing field: body");
    }
    String title = string(node, "title");
    if ((title == null || title.isBlank()) && dataset) {
      title = body.strip().lines().findFirst().orElse(null);
    }
    if (title == null || title.isBlank()) {
      throw new BadLine(RejectionReason.MISSING_FIELD, "missing field: title");
    }
    if (body.isBlank()) {
      throw new BadLine(RejectionReason.EMPTY_BODY, "body is empty");
    }
    String source = string(node, "source");
    return new IncomingArticle(source == null || source.isBlank() ? fallbackSource : source.strip(),
        url, guid, title.strip(), body, false, string(node, "language"), string(node, "author"),
        published(node), origin);
  }

  private static Instant published(JsonNode node) throws BadLine {
    String published = string(node, "published");
    if (published == null) {
      published = string(node, "dct");
    }
    if (published == null || published.isBlank()) {
      return null;
    }
    try {
      return PublicationDates.parse(published);
    } catch (DateTimeParseException e) {
      throw new BadLine(RejectionReason.INVALID_DATE, "unparseable date: " + published);
    }
  }

  /** The first of {@code names} that is present; ids may be numbers, so numbers count as text. */
  private static String firstOf(JsonNode node, String... names) throws BadLine {
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && value.isNumber()) {
        return value.asText();
      }
      String text = string(node, name);
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return null;
  }

  /** The string field {@code name}; null when absent or JSON null. */
  private static String string(JsonNode node, String name) throws BadLine {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadLine(RejectionReason.INVALID_FIELD, "field " + name + " must be a string, found "
          + value.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return value.textValue();
  }

  /** A line that is JSON but not an article; carries its reason. */
  private static final class BadLine extends Exception {
    private final RejectionReason reason;

    BadLine(RejectionReason reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }
}
