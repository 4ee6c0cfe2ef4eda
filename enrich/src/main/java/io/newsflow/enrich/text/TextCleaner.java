package io.newsflow.enrich.text;

import io.newsflow.platform.text.MarkupTags;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Turns an article body into clean text: HTML to text, Unicode NFKC, whitespace normalised, and
 * boilerplate lines (links to other stories, ad markers, photo credits, newsletter prompts,
 * copyright footers) removed. The result has one paragraph per line, separated by a single "\n".
 *
 * <p>Boilerplate is recognised line by line with {@link #BOILERPLATE_RULES}: a trimmed line is
 * dropped when a rule matches it. Rules are anchored and length-capped so that a real paragraph
 * which merely mentions "advertisement" or "Getty Images" survives.
 */
public final class TextCleaner {

  /** Elements whose content is never article text. */
  private static final String NON_CONTENT_ELEMENTS =
      "script, style, noscript, template, svg, nav, aside, figure, figcaption, footer, header, form, iframe, button";

  /** Elements that start a new line of text (paragraph breaks). */
  private static final Set<String> BLOCK_ELEMENTS = Set.of(
      "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
      "blockquote", "pre", "section", "article", "main", "table", "tr", "td", "th", "hr", "address",
      "details", "summary", "body");

  /**
   * One rule per kind of boilerplate line; add a line here to extend. A rule matches when its
   * pattern is found in a trimmed line no longer than its length limit; patterns carry their own
   * anchors. The limits keep long real paragraphs out of reach and make the check cheap.
   */
  static final List<BoilerplateRule> BOILERPLATE_RULES = List.of(
      // links to other stories
      rule(300, "^(read more|related( stories| articles| coverage)?|recommended( reading)?|see also|also read"
          + "|more on this( story)?|most read|more from .{1,40}?|editor'?s picks?|top stories)\\s*[:|\\-\u2013\u2014>]"),
      rule(60, "^(read more|continue reading|read the full (story|article)|keep reading|scroll to continue"
          + "( with content)?|more stories)\\W*$"),
      // advertising markers
      rule(80, "^story continues below( this)?( the)? (advertisement|ad)\\W*$"),
      rule(80, "^(advertisement|advert|sponsored|sponsored content|paid (post|content)|ad)"
          + "(\\s*[\\-:|\u2013\u2014]\\s*.{0,40})?\\W*$"),
      // video / audio teasers
      rule(300, "^(watch( now| live| more| the video| video)?|listen( now)?|video|play video|media caption)"
          + "\\s*[:|\\-\u2013\u2014]"),
      // photo credits and captions
      rule(320, "^(photo|photos|photograph|image|images|picture|pictures|file photo|pictured|illustration"
          + "|credit|caption|photo credit|image source|image caption)\\s*:"),
      rule(240, "[/|]\\s*(getty( images)?|afp( via getty images)?|reuters|ap( photo)?|epa(-efe)?"
          + "|shutterstock|alamy|pa( media| wire)?|bloomberg|anadolu)\\W*$"),
      rule(120, "^\\(?(ap|afp|reuters|epa|getty images|ap photo)( photo)?/[^)]{0,80}\\)?\\W*$"),
      // wire-service credits
      rule(320, "^\\(?\\s*(additional )?(reporting|writing|editing|compiled|research) by\\b"),
      // calls to action
      rule(200, "^(click|tap) here\\b"),
      rule(240, "^(sign up|subscribe)\\b.{0,160}\\b(newsletters?|alerts?|updates|briefings?|e-?mails?|inbox)\\b"),
      rule(140, "^(get|receive) (our|the) .{0,60}newsletter"),
      rule(80, "^(share|share this( article| story| page)?|share on .{1,40}|follow us( on .{1,60})?"
          + "|like us on .{1,40}|copy link( to clipboard)?|print( this)?( article| page)?)\\W*$"),
      rule(200, "^((share|tweet|facebook|twitter|x|email|e-mail|print|whatsapp|linkedin|reddit|telegram"
          + "|pinterest|messenger|copy link|comments?)(\\s*[|\u2022\u00b7,/]\\s*|\\s+|$)){2,}$"),
      // footers
      rule(220, "^(\u00a9|\\(c\\)\\s*\\d{4}|copyright\\s*(\u00a9|\\(c\\))?\\s*\\d{4})"),
      rule(200, "\\ball rights reserved\\b.{0,40}$"),
      rule(320, "\\b(we use cookies|cookie (policy|settings)|accept (all )?cookies)\\b"),
      rule(160, "^this (article|story) (was|has been) (updated|corrected|amended)\\b"),
      rule(80, "^(published|updated|last updated|first published)\\s*:?\\s*\\d"));

  /** A boilerplate pattern and the longest line it may match. */
  record BoilerplateRule(Pattern pattern, int maxLength) {
    boolean matches(String line) {
      return line.length() <= maxLength && pattern.matcher(line).find();
    }
  }

  private static BoilerplateRule rule(int maxLength, String regex) {
    return new BoilerplateRule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), maxLength);
  }

  /** No rule reaches lines longer than this; they are skipped without running any pattern. */
  private static final int LONGEST_BOILERPLATE =
      BOILERPLATE_RULES.stream().mapToInt(BoilerplateRule::maxLength).max().orElse(0);

  /** A blank line in plain text: the paragraph separator. */
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[\\p{Zs}\\t\\r]*\\n");

  /**
   * Cleans an article body.
   *
   * <p>Plain text: when it contains blank lines, those separate paragraphs and single newlines are
   * hard wraps (joined with a space); otherwise every line is a paragraph.
   *
   * @return paragraphs separated by a single "\n"; empty when nothing but boilerplate is left
   */
  public String clean(String body, boolean isHtml) {
    Objects.requireNonNull(body, "body");
    String text = isHtml ? htmlToText(body) : unwrapPlainText(body);
    text = normalise(text);
    List<String> kept = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !isBoilerplate(trimmed)) {
        kept.add(trimmed);
      }
    }
    return String.join("\n", kept);
  }

  /**
   * A title on one line: NFKC, markup-free whitespace; no boilerplate rules (titles are short and real).
   * A headline does not say whether it is markup, so only what looks like a tag is one ({@link MarkupTags}):
   * a bracketed name is text, without its brackets ("&lt;IVACO INC&gt; YEAR NET" is "IVACO INC YEAR NET").
   */
  public String cleanTitle(String title) {
    if (title == null) {
      return "";
    }
    String text = title.indexOf('<') >= 0 || title.indexOf('&') >= 0 ? Jsoup.parse(MarkupTags.bracketsAsText(title)).text() : title;
    return normalise(text).replace('\n', ' ').strip();
  }

  /** Whether a trimmed line is boilerplate by one of the rules. */
  public boolean isBoilerplate(String line) {
    if (line.length() > LONGEST_BOILERPLATE) {
      return false;
    }
    for (BoilerplateRule rule : BOILERPLATE_RULES) {
      if (rule.matches(line)) {
        return true;
      }
    }
    return false;
  }

  private static String unwrapPlainText(String body) {
    String text = body.replace("\r\n", "\n").replace('\r', '\n');
    if (!BLANK_LINE.matcher(text).find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (String paragraph : BLANK_LINE.split(text)) {
      // a lone boilerplate line inside a wrapped paragraph is rare; wrapping wins
      out.append(paragraph.replace('\n', ' ')).append('\n');
    }
    return out.toString();
  }

  /**
   * NFKC (folds full-width forms, ligatures, non-breaking spaces), then one pass that drops
   * invisible characters (zero-width, soft hyphen, BOM), turns every line separator into "\n" and
   * every other space or control character into a space, and collapses runs of spaces. A
   * hand-written loop: the equivalent chain of regex replacements costs several times more.
   */
  static String normalise(String text) {
    String s = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad' -> { }
        case '\n', '\u0085', '\u2028', '\u2029' -> {
          out.append('\n');
          pendingSpace = false;
        }
        default -> {
          if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
            pendingSpace = true;
          } else {
            if (pendingSpace && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
              out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static String htmlToText(String html) {
    Document doc = Jsoup.parse(html);
    doc.select(NON_CONTENT_ELEMENTS).remove();
    // hidden content is usually share widgets or duplicated captions
    doc.select("[hidden], [aria-hidden=true]").remove();
    StringBuilder out = new StringBuilder(html.length() / 2);
    doc.body().traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
          Node parent = textNode.parentNode();
          String parentTag = parent instanceof Element e ? e.normalName() : "";
          // inside <pre> line breaks are meaningful; elsewhere source newlines are just spaces
          out.append(parentTag.equals("pre") ? textNode.getWholeText() : textNode.getWholeText().replace('\n', ' '));
        } else if (node instanceof Element element && BLOCK_ELEMENTS.contains(element.normalName())) {
          out.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && BLOCK_ELEMENTS.contains(element.normalName())) {
          out.append('\n');
        }
      }
    });
    return out.toString();
  }
}
