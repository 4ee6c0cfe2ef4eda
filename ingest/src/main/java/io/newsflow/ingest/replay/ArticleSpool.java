package io.newsflow.ingest.replay;

import io.newsflow.ingest.IncomingArticle;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A temporary file of articles, written in input order and read back at any position, so a replay
 * can publish in publication-time order while holding only (time, position) per article in memory.
 * Each entry is its length, then its fields; the file is deleted on close.
 */
public final class ArticleSpool implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final DataOutputStream out;
  private long written;

  private ArticleSpool(Path file) throws IOException {
    this.file = file;
    this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    OutputStream append = Files.newOutputStream(file, StandardOpenOption.APPEND);
    this.out = new DataOutputStream(new BufferedOutputStream(append, 1 << 16));
  }

  /** A new empty spool file in {@code directory} (created if missing). */
  public static ArticleSpool create(Path directory) {
    try {
      Files.createDirectories(directory);
      return new ArticleSpool(Files.createTempFile(directory, "replay-spool-", ".bin"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a replay spool file in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Appends {@code article}; returns the position to {@link #read} it back from. */
  public long append(IncomingArticle article) {
    try {
      byte[] entry = encode(article);
      long position = written;
      out.writeInt(entry.length);
      out.write(entry);
      written += Integer.BYTES + entry.length;
      return position;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the replay spool " + file + ": " + e.getMessage(), e);
    }
  }

  /** The article appended at {@code position}. */
  public IncomingArticle read(long position) {
    try {
      out.flush();
      ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
      readFully(length, position);
      ByteBuffer entry = ByteBuffer.allocate(length.flip().getInt());
      readFully(entry, position + Integer.BYTES);
      return decode(entry.array());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the replay spool " + file + ": " + e.getMessage(), e);
    }
  }

  /** Bytes written so far. */
  public long size() {
    return written;
  }

  private void readFully(ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new IOException("spool entry at " + position + " runs past the end of the file");
      }
      at += n;
    }
  }

  private static byte[] encode(IncomingArticle a) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + a.body().length() * 2);
    DataOutputStream d = new DataOutputStream(bytes);
    for (String s : new String[] {a.source(), a.url(), a.guid(), a.title(), a.body(), a.language(), a.author(), a.origin()}) {
      writeString(d, s);
    }
    d.writeBoolean(a.isHtml());
    d.writeBoolean(a.publishedAt() != null);
    if (a.publishedAt() != null) {
      d.writeLong(a.publishedAt().getEpochSecond());
      d.writeInt(a.publishedAt().getNano());
    }
    return bytes.toByteArray();
  }

  private static IncomingArticle decode(byte[] entry) throws IOException {
    DataInputStream d = new DataInputStream(new ByteArrayInputStream(entry));
    String source = readString(d);
    String url = readString(d);
    String guid = readString(d);
    String title = readString(d);
    String body = readString(d);
    String language = readString(d);
    String author = readString(d);
    String origin = readString(d);
    boolean html = d.readBoolean();
    Instant published = d.readBoolean() ? Instant.ofEpochSecond(d.readLong(), d.readInt()) : null;
    return new IncomingArticle(source, url, guid, title, body, html, language, author, published, origin);
  }

  /** Length -1 for null; UTF-8 otherwise (DataOutput's own UTF form stops at 64 KiB). */
  private static void writeString(DataOutputStream d, String s) throws IOException {
    if (s == null) {
      d.writeInt(-1);
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    d.writeInt(utf8.length);
    d.write(utf8);
  }

  private static String readString(DataInputStream d) throws IOException {
    int length = d.readInt();
    if (length < 0) {
      return null;
    }
    byte[] utf8 = d.readNBytes(length);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      out.close();
      channel.close();
    } catch (IOException e) {
      // Closing a temporary file: deleting it below is what matters.
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the replay spool " + file + ": " + e.getMessage(), e);
    }
  }
}
