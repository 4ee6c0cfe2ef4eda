package io.newsflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as raw bytes, one at a time: decoding is left to the caller so that a bad
 * line can be reported with its position and kept byte for byte. Lines end at {@code \n}; a
 * {@code \r} before it is dropped. A line longer than {@code maxLineBytes} is cut there and the
 * rest of it skipped ({@link #truncated()}), so one huge line cannot exhaust memory.
 */
final class ByteLines {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long lineNumber;
  private boolean truncated;
  private byte[] line = new byte[256];
  private int length;

  ByteLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Advances to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    length = 0;
    truncated = false;
    boolean sawAnything = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (!sawAnything) {
            return false;
          }
          break;
        }
      }
      sawAnything = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      append(start, position - start);
      if (position < limit) {
        position++;   // consume the '\n'
        break;
      }
    }
    if (length > 0 && line[length - 1] == '\r' && !truncated) {
      length--;
    }
    lineNumber++;
    return true;
  }

  private void append(int from, int count) {
    int room = maxLineBytes - length;
    if (count > room) {
      truncated = true;
      count = room;
    }
    if (count <= 0) {
      return;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(line.length * 2, length + count)));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  /** 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** Backing array of the current line: valid up to {@link #length()}, reused by the next line. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }

  /** A copy of the current line (at most {@code max} bytes). */
  byte[] copy(int max) {
    return Arrays.copyOf(line, Math.min(length, max));
  }

  boolean truncated() {
    return truncated;
  }

  /** Whether the current line holds only spaces, tabs or a carriage return. */
  boolean isBlank() {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
