package io.newsflow.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly: an invalid byte is an error with its position, never a silent U+FFFD.
 * Replacement characters would reach the topic as if the source had written them, and identical
 * articles with different damage would no longer hash alike downstream. Public for the feed
 * and page readers, which hold fetched bytes to the same rule.
 */
public final class StrictText {
  private StrictText() {}

  /** Thrown for bytes that are not valid in the charset; {@link #offset()} counts from 0. */
  public static final class UndecodableException extends CharacterCodingException {
    private final int offset;

    UndecodableException(int offset) {
      this.offset = offset;
    }

    public int offset() {
      return offset;
    }

    @Override
    public String getMessage() {
      return "undecodable input at byte " + offset;
    }
  }

  /** {@code bytes} decoded with {@code charset}; a leading byte-order mark is dropped. */
  public static String decode(byte[] bytes, int length, Charset charset) throws UndecodableException {
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(length * (double) decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new UndecodableException(in.position());
    }
    result = decoder.flush(out);
    if (result.isError()) {
      throw new UndecodableException(in.position());
    }
    out.flip();
    if (out.length() > 0 && out.charAt(0) == '\uFEFF') {
      out.position(1);
    }
    return out.toString();
  }

  public static String decode(byte[] bytes, Charset charset) throws UndecodableException {
    return decode(bytes, bytes.length, charset);
  }

  /** 1-based number of the line that holds byte {@code offset}. */
  public static long lineOf(byte[] bytes, int offset) {
    long line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
