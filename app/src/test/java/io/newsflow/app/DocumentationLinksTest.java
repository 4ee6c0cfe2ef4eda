package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every relative link in README.md and docs/ names a file that exists, and a #fragment a heading in it. */
class DocumentationLinksTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)\\)");

  @Test
  void everyRelativeLinkOfTheReadmeAndDocsResolves() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page);
      boolean fence = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("```")) {
          fence = !fence;
          continue;
        }
        if (fence) {
          continue;
        }
        Matcher m = LINK.matcher(line);
        while (m.find()) {
          String target = m.group(1);
          if (target.matches("[a-z]+:.*")) {
            continue;   // http:, https:, mailto:
          }
          checked++;
          int hash = target.indexOf('#');
          String file = hash < 0 ? target : target.substring(0, hash);
          Path dest = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
          String where = ROOT.relativize(page) + ":" + (i + 1) + ": ";
          if (!Files.exists(dest)) {
            broken.add(where + "missing file " + target);
          } else if (hash >= 0 && !(dest.toString().endsWith(".md") && anchors(dest).contains(target.substring(hash + 1)))) {
            broken.add(where + "missing heading " + target);
          }
        }
      }
    }
    assertThat(pages).hasSizeGreaterThan(5);
    assertThat(checked).isGreaterThan(50);
    assertThat(broken).isEmpty();
    assertThat(Files.readAllLines(ROOT.resolve("README.md"))).as("README lines").hasSizeLessThanOrEqualTo(300);
  }

  /** GitHub's anchors of a page's headings: lower case, formatting and punctuation dropped, spaces as dashes. */
  static Set<String> anchors(Path page) {
    Set<String> anchors = new HashSet<>();
    boolean fence = false;
    try {
      for (String line : Files.readAllLines(page)) {
        if (line.startsWith("```")) {
          fence = !fence;
        } else if (!fence && line.matches("#{1,6} .*")) {
          String heading = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
              .replaceAll("[`*_]", "")
              .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
              .replaceAll("[^\\p{L}\\p{N}\\- ]", "");
          anchors.add(heading.replace(' ', '-'));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return anchors;
  }
}
