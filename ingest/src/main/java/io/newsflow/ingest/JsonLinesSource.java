package io.newsflow.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A JSON Lines archive ({@code .jsonl}, or gzipped {@code .jsonl.gz}), one article object a line,
 * streamed line by line so archives of any size fit in memory. Blank lines are skipped; a bad line
 * is rejected with its line number and the others still go through.
 *
 * <p>Each line is an article in the JSON form {@link ArticleJson} reads; a missing {@code source}
 * becomes the archive's name without extension (e.g. "ecbplus_documents").
 */
public final class JsonLinesSource implements FileSource {
  /** Longest line held in memory; a longer one is rejected. Far above Kafka's default 1 MiB record limit. */
  static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
  /** How much of an over-long line its dead letter keeps. */
  static final int KEPT_BYTES_OF_LONG_LINE = 64 * 1024;

  @Override
  public void read(Path file, SourceListener out) {
    boolean gzipped = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    String fallbackSource = LocalFiles.stem(file, gzipped ? ".jsonl.gz" : ".jsonl");
    ByteLines lines = null;
    try (InputStream raw = new BufferedInputStream(new CountingInputStream(Files.newInputStream(file), out), 1 << 16);
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
      out.article(ArticleJson.toArticle(ArticleJson.parse(raw), fallbackSource, origin));
    } catch (ArticleJson.InvalidArticle e) {
      out.rejected(new Rejection(origin, e.reason(), e.getMessage(), raw));
    }
  }
}
