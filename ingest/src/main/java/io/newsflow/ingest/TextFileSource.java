package io.newsflow.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;

/**
 * A {@code .txt} article: the first non-empty line is the headline, the rest the body. The file
 * name without extension is the guid, the parent folder the source, and the modification time the
 * publication time (the only date such files carry). Must be valid UTF-8.
 */
public final class TextFileSource implements FileSource {

  @Override
  public void read(Path file, SourceListener out) {
    byte[] bytes;
    Instant modified;
    try {
      bytes = Files.readAllBytes(file);
      modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (IOException e) {
      out.rejected(new Rejection(file.toString(), RejectionReason.UNREADABLE, LocalFiles.describe(e), null));
      return;
    }
    out.bytesRead(bytes.length);
    String text;
    try {
      text = StrictText.decode(bytes, StandardCharsets.UTF_8);
    } catch (StrictText.UndecodableException e) {
      out.rejected(new Rejection(LocalFiles.origin(file, StrictText.lineOf(bytes, e.offset())),
          RejectionReason.NOT_UTF8, "not valid UTF-8 at byte " + e.offset(), bytes));
      return;
    }

    Iterator<String> lines = text.lines().iterator();
    long headlineLine = 0;
    String headline = null;
    while (headline == null && lines.hasNext()) {
      String line = lines.next();
      headlineLine++;
      if (!line.isBlank()) {
        headline = line.strip();
      }
    }
    StringBuilder body = new StringBuilder();
    lines.forEachRemaining(line -> body.append(line).append('\n'));
    String bodyText = body.toString().strip();

    if (headline == null) {
      out.rejected(new Rejection(LocalFiles.origin(file, 1), RejectionReason.EMPTY_BODY, "file is empty", bytes));
    } else if (bodyText.isEmpty()) {
      out.rejected(new Rejection(LocalFiles.origin(file, headlineLine), RejectionReason.EMPTY_BODY,
          "no text after the headline", bytes));
    } else {
      out.article(new IncomingArticle(LocalFiles.folderSource(file), null, LocalFiles.stem(file, ".txt"),
          headline, bodyText, false, null, null, modified, LocalFiles.origin(file, headlineLine)));
    }
  }
}
