package io.newsflow.enrich.text;

import io.newsflow.platform.text.MarkupTags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names a wire marks in angle brackets: Reuters brackets a company's ticker after its name, or the name of a
 * company without one ("COBANCO INC &lt;CBCO&gt; YEAR NET", "&lt;IVACO INC&gt; YEAR NET", "... said &lt;Mid-America
 * Industries Inc&gt;"). They say who a headline in capitals is about, where case cannot: two companies' results
 * reports differ in nothing else (ADR 40). What is a tag and what is a name is {@link MarkupTags}'s call.
 */
public final class MarkedNames {
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private MarkedNames() {}

  /** The names {@code text} marks, upper case with single spaces, each once, in order of first mention. */
  public static List<String> in(String text) {
    if (text == null || text.indexOf('<') < 0) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (String name : MarkupTags.bracketedNames(text)) {
      String key = SPACES.matcher(name.strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
      if (key.chars().anyMatch(Character::isLetter)) {
        names.add(key);
      }
    }
    return List.copyOf(names);
  }

  /** {@code first}'s names, then those of {@code then} not among them. */
  public static List<String> union(List<String> first, List<String> then) {
    if (then.isEmpty()) {
      return first;
    }
    Set<String> names = new LinkedHashSet<>(first);
    names.addAll(then);
    return new ArrayList<>(names);
  }
}
