package io.newsflow.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of SGML elements: character and standard entity references resolved ({@code &lt;},
 * {@code &#3;}, {@code &#x41;}), then control characters removed. The Reuters wire files carry
 * transmission codes as references ({@code &#2;} start of text, {@code &#3;} end of text,
 * {@code &#5;}, {@code &#22;}, {@code &#127;}); they mean nothing to a reader and would make equal
 * texts hash apart downstream. Tabs and line breaks stay. Unknown named entities stay as written.
 */
final class SgmlText {
  private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);");

  private SgmlText() {}

  static String of(String sgml) {
    if (sgml.indexOf('&') < 0) {
      return withoutControls(sgml);
    }
    Matcher m = REFERENCE.matcher(sgml);
    StringBuilder out = new StringBuilder(sgml.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1), m.group())));
    }
    m.appendTail(out);
    return withoutControls(out.toString());
  }

  private static String resolve(String name, String asWritten) {
    if (name.charAt(0) == '#') {
      boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
      int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
      return Character.isValidCodePoint(code) ? Character.toString(code) : asWritten;
    }
    return switch (name) {
      case "lt" -> "<";
      case "gt" -> ">";
      case "amp" -> "&";
      case "quot" -> "\"";
      case "apos" -> "'";
      default -> asWritten;
    };
  }

  private static String withoutControls(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0);
      if (control && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (!control && out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
