package io.newsflow.enrich.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hand-written word lists shipped next to these classes. Format: one entry per line,
 * '#' starts a comment line, blank lines are ignored, surrounding whitespace is trimmed.
 */
final class WordLists {

  private WordLists() {}

  /** The non-comment lines of a resource in this package, in file order. */
  static List<String> lines(String resourceName) {
    InputStream in = WordLists.class.getResourceAsStream(resourceName);
    if (in == null) {
      throw new IllegalStateException("missing resource io/newsflow/enrich/text/" + resourceName);
    }
    List<String> out = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          out.add(trimmed);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resourceName, e);
    }
    return out;
  }

  /** The non-comment lines under the comment line "# --- {@code title} ..." up to the next such line. */
  static List<String> section(String resourceName, String title) {
    InputStream in = WordLists.class.getResourceAsStream(resourceName);
    if (in == null) {
      throw new IllegalStateException("missing resource io/newsflow/enrich/text/" + resourceName);
    }
    List<String> out = new ArrayList<>();
    boolean inside = false;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String trimmed = line.strip();
        if (trimmed.startsWith("# ---")) {
          inside = trimmed.startsWith("# --- " + title);
        } else if (inside && !trimmed.isEmpty() && !trimmed.startsWith("#")) {
          out.add(trimmed);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + resourceName, e);
    }
    return out;
  }

  /** The entries of a list whose lines may hold several whitespace-separated words. */
  static List<String> words(String resourceName) {
    List<String> out = new ArrayList<>();
    for (String line : lines(resourceName)) {
      for (String word : line.split("\\s+")) {
        out.add(word);
      }
    }
    return out;
  }
}
