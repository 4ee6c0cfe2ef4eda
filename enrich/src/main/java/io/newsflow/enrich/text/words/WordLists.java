package io.newsflow.enrich.text.words;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the hand-written word lists shipped next to the classes that use them (each package keeps
 * its own lists). Format: one entry per line, '#' starts a comment line, blank lines are ignored,
 * surrounding whitespace is trimmed.
 */
public final class WordLists {

  private WordLists() {}

  /** The non-comment lines of a resource in {@code owner}'s package, in file order. */
  public static List<String> lines(Class<?> owner, String resourceName) {
    InputStream in = open(owner, resourceName);
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
  public static List<String> section(Class<?> owner, String resourceName, String title) {
    InputStream in = open(owner, resourceName);
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
  public static List<String> words(Class<?> owner, String resourceName) {
    List<String> out = new ArrayList<>();
    for (String line : lines(owner, resourceName)) {
      for (String word : line.split("\\s+")) {
        out.add(word);
      }
    }
    return out;
  }

  private static InputStream open(Class<?> owner, String resourceName) {
    InputStream in = owner.getResourceAsStream(resourceName);
    if (in == null) {
      throw new IllegalStateException("missing resource "
          + owner.getPackageName().replace('.', '/') + "/" + resourceName);
    }
    return in;
  }
}
