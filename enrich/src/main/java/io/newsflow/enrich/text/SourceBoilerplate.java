package io.newsflow.enrich.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Learns each source's boilerplate: a line that earlier articles of the same source carried at
 * least {@code minArticles} times (footers, desk notes, site promos no rule knows) is removed.
 *
 * <p>Deterministic in input order: an article is judged on the counts of the articles before it,
 * and only then counted itself. A line counts once per article. Only lines up to
 * {@link #MAX_LINE_CHARS} characters are counted: boilerplate is short, and the cap keeps real
 * paragraphs (which rarely repeat anyway) out of the store.
 */
public final class SourceBoilerplate {
  public static final int MAX_LINE_CHARS = 200;

  private final LineCounts counts;
  private final int minArticles;

  public SourceBoilerplate(LineCounts counts, int minArticles) {
    if (minArticles < 1) {
      throw new IllegalArgumentException("minArticles must be at least 1, was " + minArticles);
    }
    this.counts = Objects.requireNonNull(counts, "counts");
    this.minArticles = minArticles;
  }

  /**
   * Removes the learned boilerplate lines of {@code source} from {@code cleanText} (one paragraph per
   * line, as {@link TextCleaner} makes it), then counts the article's lines.
   */
  public String strip(String source, String cleanText) {
    List<String> kept = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String line : cleanText.split("\n")) {
      String key = line.length() <= MAX_LINE_CHARS ? key(source, line) : null;
      if (key == null || counts.get(key) < minArticles) {
        kept.add(line);
      }
      if (key != null) {
        seen.add(key);
      }
    }
    seen.forEach(counts::increment);
    return String.join("\n", kept);
  }

  /**
   * Source, NUL, and a 64-bit hash of the line with case and whitespace folded: small fixed-size keys,
   * and "Follow us" matches "follow  us". NUL cannot occur in a source name, so sources never collide.
   */
  static String key(String source, String line) {
    String normalised = line.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return source + '\u0000' + Long.toHexString(Hash64.of(normalised));
  }
}
