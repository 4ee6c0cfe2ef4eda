package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.ArticleIds;
import io.newsflow.platform.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's acceptance run: {@code newsflow run --input ../shared/data/bbc-news-2225 --exit-when-idle}
 * puts every group of byte-identical BBC files in one story, each copy after the first marked as an
 * exact duplicate, and prints the same stories when run again on fresh state. The groups are found
 * here from the files' bytes, independently of the pipeline.
 */
class BbcDuplicatesIT {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Where an article ended up: its story and its role there. */
  record Placement(String storyId, String role) {}

  record Run(int exit, String stories, String errors) {}

  @Test
  void byteIdenticalArticlesShareOneStoryAsExactDuplicatesAndASecondRunPrintsTheSameStories() throws Exception {
    Path corpus = SharedData.path("bbc-news-2225");
    Map<String, List<String>> idsByContent = articleIdsByFileHash(corpus);
    List<List<String>> groups = idsByContent.values().stream().filter(ids -> ids.size() > 1).toList();
    assertThat(groups).as("groups of byte-identical BBC files").hasSizeGreaterThan(50);

    Run first = run(corpus, dir.resolve("first"));
    Run second = run(corpus, dir.resolve("second"));

    // The one Latin-1 file is rejected with its name, so the run exits non-zero; all else is published.
    assertThat(first.exit()).as(first.errors()).isEqualTo(ExitCodes.REJECTED_INPUT);
    assertThat(first.errors()).contains("199.txt").doesNotContain("\tat ");
    Map<String, Placement> placements = placements(first.stories());
    for (List<String> group : groups) {
      List<Placement> placed = group.stream().filter(placements::containsKey).map(placements::get).toList();
      if (placed.isEmpty()) {
        continue; // a group of rejected files: nothing was published
      }
      assertThat(placed).as("articles %s", group).hasSameSizeAs(group);
      assertThat(placed).extracting(Placement::storyId).as("stories of %s", group).containsOnly(placed.get(0).storyId());
      assertThat(placed).filteredOn(p -> p.role().equals("EXACT_DUPLICATE")).as("exact duplicates in %s", group)
          .hasSizeGreaterThanOrEqualTo(group.size() - 1);
    }
    assertThat(sortedLines(second.stories())).isEqualTo(sortedLines(first.stories()));
  }

  private Run run(Path corpus, Path dataDir) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        "run", "--input", corpus.toString(), "--exit-when-idle", "--data-dir", dataDir.toString());
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Article ids (as ingest derives them for text files: folder and file name) by the SHA-256 of the file's bytes. */
  private static Map<String, List<String>> articleIdsByFileHash(Path corpus) throws Exception {
    Map<String, List<String>> byHash = new TreeMap<>();
    try (Stream<Path> files = Files.walk(corpus)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        String stem = file.getFileName().toString().replaceFirst("\\.txt$", "");
        byHash.computeIfAbsent(hash, h -> new ArrayList<>())
            .add(ArticleIds.forGuid(file.getParent().getFileName().toString(), stem));
      }
    }
    return byHash;
  }

  private static Map<String, Placement> placements(String stories) throws Exception {
    Map<String, Placement> placements = new TreeMap<>();
    for (String line : stories.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode story = JSON.readTree(line);
      for (JsonNode article : story.path("articles")) {
        Placement previous = placements.put(article.path("articleId").asText(),
            new Placement(story.path("storyId").asText(), article.path("role").asText()));
        assertThat(previous).as("article %s printed in two stories", article.path("articleId").asText()).isNull();
      }
    }
    return placements;
  }

  private static List<String> sortedLines(String text) {
    return text.lines().filter(l -> !l.isBlank()).sorted().toList();
  }
}
