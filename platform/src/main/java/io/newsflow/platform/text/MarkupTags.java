package io.newsflow.platform.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a markup tag looks like, for text that does not say whether it is markup (a headline "as
 * published"). Wire services write company names and tickers in angle brackets: "&lt;IVACO INC&gt; YEAR
 * NET", "DU PONT CO &lt;DD&gt; LAUNCHES ...", "... said &lt;Mid-America Industries Inc&gt;". An HTML parser
 * reads each as a start tag and drops it, and the headline loses its subject. Here a {@code <} starts a
 * tag only when what follows is tag syntax and either
 * <ul>
 *   <li>it has an attribute with a value ({@code <span class="x">}, {@code <a href=x>}), or</li>
 *   <li>its name is an HTML element's and it is written in lower case ({@code <b>}, {@code </em>}), is an
 *       element without content ({@code <BR>}), or is a start tag whose end tag follows ({@code <B>..</B>}), or</li>
 *   <li>its name is a custom or namespaced element's: lower case with a hyphen or colon ({@code <o:p>}),</li>
 * </ul>
 * or it opens a comment, declaration or processing instruction ({@code <!--}, {@code <!DOCTYPE}, {@code <?}).
 * Anything else is text: an upper- or mixed-case name, with spaces or dots or alone ("&lt;IVACO INC&gt;",
 * "&lt;VOWG.F&gt;", and "&lt;DD&gt;": Du Pont's ticker, an HTML element's name in upper case with no end tag).
 */
public final class MarkupTags {
  /** HTML elements, current and obsolete, by lower-case name. */
  private static final Set<String> ELEMENTS = Set.of(
      "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont",
      "bdi", "bdo", "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite",
      "code", "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl",
      "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset",
      "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input",
      "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "marquee", "menu", "meta", "meter",
      "nav", "nobr", "noframes", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param",
      "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section", "select",
      "slot", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "math",
      "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track",
      "tt", "u", "ul", "var", "video", "wbr");
  /** Elements without content, which never have an end tag. */
  private static final Set<String> VOID_ELEMENTS = Set.of(
      "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr");
  /** Tag syntax: a name, attributes with or without values, an optional self-closing slash. */
  private static final Pattern TAG = Pattern.compile(
      "<(/?)([A-Za-z][A-Za-z0-9:_-]*)((?:\\s+[^\\s\"'<>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*)\\s*/?>");
  private static final Pattern VALUED_ATTRIBUTE = Pattern.compile("=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+)");
  /** How far a bracketed name may reach: a longer span is a lone "&lt;", not a name. */
  private static final int LONGEST_BRACKETED = 100;

  private MarkupTags() {}

  /**
   * The text with every {@code <} that does not start a tag made text, for an HTML parser to read: a
   * bracketed name loses its brackets ("&lt;IVACO INC&gt; YEAR NET" becomes "IVACO INC YEAR NET"), any other
   * {@code <} becomes {@code &lt;} ("3 &lt; 4"). Tags, comments and entity references are left as they are.
   */
  public static String bracketsAsText(String text) {
    return rewritten(text, true);
  }

  /**
   * The text with every {@code <} that does not start a tag escaped ({@code &lt;}), for an HTML parser to give back
   * as written: "COBANCO INC &lt;CBCO&gt; YEAR NET" keeps its ticker with brackets, as a wire headline is published.
   */
  public static String textBracketsEscaped(String text) {
    return rewritten(text, false);
  }

  private static String rewritten(String text, boolean unbracket) {
    if (text.indexOf('<') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    int copied = scan(text, null, out, unbracket);
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * The names {@code text} holds in angle brackets that are not tags, as written between them, in order:
   * "COBANCO INC &lt;CBCO&gt; YEAR NET" holds "CBCO", "&lt;IVACO INC&gt; YEAR NET" holds "IVACO INC".
   */
  public static List<String> bracketedNames(String text) {
    if (text.indexOf('<') < 0) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    scan(text, (lt, gt) -> {
      if (gt > lt) {
        names.add(text.substring(lt + 1, gt));
      }
    }, null, false);
    return names;
  }

  private interface TextBracket {
    void found(int lt, int gt);
  }

  /**
   * Reports each {@code <} of {@code text} that does not start markup to {@code found}, if given, with the {@code >}
   * of the name it brackets or -1; when {@code out} is given, copies the text to it with names unbracketed and lone {@code <} escaped, up to
   * the returned offset: names without their brackets when {@code unbracket}, else as text with their {@code <} escaped.
   */
  private static int scan(String text, TextBracket found, StringBuilder out, boolean unbracket) {
    int lt = text.indexOf('<');
    int copied = 0;
    Matcher tag = TAG.matcher(text);
    while (lt >= 0) {
      int next;
      if (startsMarkup(text, lt, tag)) {
        next = lt + 1;
      } else {
        int gt = closingBracket(text, lt);
        boolean name = gt > lt + 1 && Character.isLetterOrDigit(text.charAt(lt + 1))
            && !Character.isWhitespace(text.charAt(gt - 1));
        if (found != null) {
          found.found(lt, name ? gt : -1);
        }
        if (out != null) {
          out.append(text, copied, lt);
          if (name && unbracket) {
            out.append(text, lt + 1, gt); // the name without its brackets
          } else {
            out.append("&lt;");
          }
        }
        copied = name && unbracket ? gt + 1 : lt + 1;
        next = copied;
      }
      lt = text.indexOf('<', next);
    }
    return copied;
  }

  /** Whether the {@code <} at {@code at} opens a tag, comment, declaration or processing instruction. */
  private static boolean startsMarkup(String text, int at, Matcher tag) {
    if (text.startsWith("<!", at) || text.startsWith("<?", at)) {
      return true;
    }
    tag.region(at, text.length());
    if (!tag.lookingAt()) {
      return false;
    }
    boolean end = !tag.group(1).isEmpty();
    String name = tag.group(2);
    String lower = name.toLowerCase(Locale.ROOT);
    boolean lowerCase = name.equals(lower);
    if (!end && VALUED_ATTRIBUTE.matcher(tag.group(3)).find()) {
      return true;
    }
    if (ELEMENTS.contains(lower)) {
      return lowerCase || end || VOID_ELEMENTS.contains(lower) || hasEndTag(text, tag.end(), lower);
    }
    return lowerCase && (name.indexOf('-') > 0 || name.indexOf(':') > 0);
  }

  private static boolean hasEndTag(String text, int from, String lowerName) {
    return text.toLowerCase(Locale.ROOT).indexOf("</" + lowerName, from) >= 0;
  }

  /** The {@code >} closing a bracketed name that starts at {@code lt}, or -1 when another {@code <} or the end comes first. */
  private static int closingBracket(String text, int lt) {
    int limit = Math.min(text.length(), lt + 1 + LONGEST_BRACKETED);
    for (int i = lt + 1; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '>') {
        return i;
      }
      if (c == '<' || c == '\n') {
        return -1;
      }
    }
    return -1;
  }
}
