package io.newsflow.ingest.page;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Removes from a page what is never article text: navigation, page header and footer, sidebars,
 * scripts, forms, embeds, figures with their captions, and blocks whose class or id names them as
 * share widgets, ads, promotions, newsletter sign-ups, related links or comments.
 */
final class Boilerplate {
  private static final String NEVER_TEXT = "nav, header, footer, aside, script, style, noscript, template, form, "
      + "iframe, object, embed, svg, canvas, button, figure, figcaption, [role=navigation], [role=banner], "
      + "[role=contentinfo], [role=complementary], [aria-hidden=true], [hidden]";
  /** Whole words of class or id names ("ad-slot", "share_bar", "related"), never parts of words ("header", "shadow"). */
  private static final Pattern NOISE_NAME = Pattern.compile(
      "(^|[-_])(share|sharing|social|ad|ads|advert|adverts|advertisement|sponsored|promo|promotion|newsletter|"
          + "related|recommended|comments?|subscribe|cookie|outbrain|taboola|popup|modal)([-_]|$)");
  /** The article itself may carry a noisy class ("article has-share-bar"): it is never removed by name. */
  private static final Set<String> KEPT_TAGS = Set.of("html", "body", "main", "article");

  private Boilerplate() {}

  static void remove(Document page) {
    page.select(NEVER_TEXT).remove();
    for (Element element : page.getAllElements()) {
      if (element.parent() != null && !KEPT_TAGS.contains(element.normalName())
          && !element.attr("itemprop").equals("articleBody") && isNoise(element)) {
        element.remove();
      }
    }
  }

  private static boolean isNoise(Element element) {
    for (String name : element.classNames()) {
      if (NOISE_NAME.matcher(name.toLowerCase(Locale.ROOT)).find()) {
        return true;
      }
    }
    String id = element.id().toLowerCase(Locale.ROOT);
    return !id.isEmpty() && NOISE_NAME.matcher(id).find();
  }
}
