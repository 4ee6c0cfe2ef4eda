package io.newsflow.ingest;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Splits an SGML stream into the elements named {@code tag} ({@code <REUTERS ...> ... </REUTERS>}),
 * one at a time, so a file is never held whole. Text outside the elements (the DOCTYPE line) is
 * skipped. Each element comes with the 1-based line its start tag is on, for error messages.
 */
final class SgmlDocuments {
  /** Receives each element, start tag to end tag inclusive. */
  interface Handler {
    void document(String text, long line);

    /** An element longer than the limit, or one still open at the end of the input. */
    void broken(String textSoFar, long line, String problem);
  }

  private final String startTag;
  private final String endTag;
  private final int maxChars;

  SgmlDocuments(String tag, int maxChars) {
    this.startTag = "<" + tag;
    this.endTag = "</" + tag + ">";
    this.maxChars = maxChars;
  }

  void split(BufferedReader in, Handler handler) throws IOException {
    StringBuilder current = null;
    long startLine = 0;
    long lineNumber = 0;
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      int from = 0;
      while (from <= line.length()) {
        if (current == null) {
          int start = line.indexOf(startTag, from);
          if (start < 0) {
            break;
          }
          current = new StringBuilder(8192);
          startLine = lineNumber;
          from = start;
        }
        int end = line.indexOf(endTag, from);
        if (end < 0) {
          current.append(line, from, line.length()).append('\n');
          if (current.length() > maxChars) {
            handler.broken(current.toString(), startLine, "longer than " + maxChars + " characters; no end tag " + endTag + "?");
            current = null;
          }
          break;
        }
        current.append(line, from, end + endTag.length());
        handler.document(current.toString(), startLine);
        current = null;
        from = end + endTag.length();
      }
    }
    if (current != null) {
      handler.broken(current.toString(), startLine, "the file ends before " + endTag);
    }
  }
}
