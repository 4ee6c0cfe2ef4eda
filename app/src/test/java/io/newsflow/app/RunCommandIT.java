package io.newsflow.app;

import static io.newsflow.app.PipelineIT.BUDGET;
import static io.newsflow.app.PipelineIT.QUAKE;
import static io.newsflow.app.PipelineIT.QUAKE_SYNDICATED;
import static io.newsflow.app.PipelineIT.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow run --exit-when-idle} as a user runs it: its own local broker and registry, files in, stories out. */
class RunCommandIT {
  @TempDir Path dir;

  @Test
  void printsStoriesOfValidInputAndReportsEveryRejectionWithFileAndLine() throws Exception {
    // Given: good articles, plus a bad JSON line, an empty body, a Latin-1 file and a missing path
    Path input = dir.resolve("input");
    write(input.resolve("wire/chile-quake.txt"), QUAKE);
    write(input.resolve("daily/quake-copy.txt"), QUAKE_SYNDICATED);
    write(input.resolve("nordic/budget.txt"), BUDGET);
    write(input.resolve("feeds/archive.jsonl"), String.join("\n",
        "{\"id\":\"j1\",\"url\":\"https://example.org/news/rail?utm_source=x\",\"source\":\"example\","
            + "\"title\":\"Rail link to Bergen gets funding\",\"body\":\"The new rail link between Oslo and Bergen will be"
            + " funded from next year, the ministry said on Thursday.\",\"published\":\"2024-03-07T10:00:00Z\"}",
        "{this is not json",
        "{\"id\":\"j3\",\"source\":\"example\",\"title\":\"No body\",\"body\":\"\",\"published\":\"2024-03-07T11:00:00Z\"}",
        ""));
    Path latin1 = input.resolve("wire/latin1.txt");
    Files.write(latin1, "Caf\u00e9 opens\n\nA caf\u00e9 opened today.".getBytes(StandardCharsets.ISO_8859_1));
    Path missing = dir.resolve("does-not-exist");

    // When
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        "run", "--input", input.toString(), "--input", missing.toString(), "--exit-when-idle",
        "--data-dir", dir.resolve("data").toString(), "--partitions", "2");

    // Then: non-zero exit, one line per rejection naming file and line
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(errors).isEqualTo(ExitCodes.REJECTED_INPUT);
    assertThat(errors).containsPattern("archive\\.jsonl:2: .*json");
    assertThat(errors).containsPattern("archive\\.jsonl:3: .*(empty|body)");
    assertThat(errors).containsPattern("latin1\\.txt.*UTF-8");
    assertThat(errors).contains(missing.toString());
    assertThat(errors).doesNotContain("\tat ");
    assertThat(errors).contains("ingest: published 4, unchanged 0, rejected 4");

    // and every valid article is in exactly one printed story
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> stories = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        stories.add(json.readTree(line));
      }
    }
    List<String> titles = new ArrayList<>();
    for (JsonNode story : stories) {
      assertThat(story.path("storyId").asText()).startsWith("s-");
      assertThat(story.path("headline").asText()).isNotBlank();
      for (JsonNode article : story.path("articles")) {
        assertThat(article.path("articleId").asText()).isNotBlank();
        assertThat(article.path("source").asText()).isNotBlank();
        titles.add(article.path("title").asText());
      }
      for (JsonNode entity : story.path("entities")) {
        assertThat(entity.path("name").asText()).isNotBlank();
        assertThat(entity.path("type").asText()).isIn("PERSON", "ORGANIZATION", "LOCATION");
      }
    }
    assertThat(titles).containsExactlyInAnyOrder("Strong earthquake shakes southern Chile",
        "Strong earthquake shakes southern Chile", "Parliament approves spending plan after long debate",
        "Rail link to Bergen gets funding");
    assertThat(stories).anySatisfy(s -> assertThat(s.path("articles")).hasSize(2));
  }

  @Test
  void wrongFlagsGiveAOneLineErrorAndExitCode2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Newsflow.execute(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true), "run", "--no-such-flag");
    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Unknown option: '--no-such-flag'");
  }
}
