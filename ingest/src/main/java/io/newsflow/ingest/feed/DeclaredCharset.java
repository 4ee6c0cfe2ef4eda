package io.newsflow.ingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset a feed says it is in, found before decoding: the {@code charset} parameter of the
 * HTTP {@code Content-Type} first (it overrides the document, RFC 7303), then a byte-order mark,
 * then the {@code encoding} of the XML declaration, else UTF-8, XML's default.
 */
final class DeclaredCharset {
  private static final Pattern HEADER_CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
  /** An XML declaration fits in far less; reading more would only slow down the search. */
  private static final int DECLARATION_BYTES = 256;

  private DeclaredCharset() {}

  /** Thrown for a charset name that this JVM does not know. */
  static final class UnknownCharsetException extends Exception {
    UnknownCharsetException(String name) {
      super("unknown charset '" + name + "'");
    }
  }

  static Charset of(byte[] body, String contentType) throws UnknownCharsetException {
    if (contentType != null) {
      Matcher m = HEADER_CHARSET.matcher(contentType);
      if (m.find()) {
        return forName(m.group(1));
      }
    }
    Charset bom = byteOrderMark(body);
    if (bom != null) {
      return bom;
    }
    String head = new String(body, 0, Math.min(body.length, DECLARATION_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = XML_ENCODING.matcher(head);
    return m.find() ? forName(m.group(1)) : StandardCharsets.UTF_8;
  }

  private static Charset byteOrderMark(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static Charset forName(String name) throws UnknownCharsetException {
    try {
      return Charset.forName(name.toLowerCase(Locale.ROOT));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new UnknownCharsetException(name);
    }
  }
}
