package io.newsflow.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.app.InProcessNewsflow;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  private static final String BODY = "Chancellor Olaf Scholz met President Emmanuel Macron in Berlin on Tuesday to discuss "
      + "energy prices and the war in Ukraine.\n\nScholz said Germany and France would present a joint plan in Brussels.\n";

  @TempDir
  Path dir;

  private final InProcessNewsflow cli = new InProcessNewsflow();

  @Test
  void textFileUsesFirstLineAsHeadlineAndPrintsTheEnrichment() throws Exception {
    Path file = Files.writeString(dir.resolve("story.txt"), "\nScholz and Macron meet in Berlin\n" + BODY);

    assertEquals(0, cli.run("analyze", file.toString()), cli.err());

    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertEquals("Scholz and Macron meet in Berlin", json.get("title").asText());
    assertTrue(json.get("cleanText").asText().startsWith("Chancellor Olaf Scholz met"));
    assertEquals("en", json.get("language").asText());
    assertTrue(json.get("wordCount").asInt() > 20);
    assertTrue(json.get("entities").toString().contains("Scholz"), json.get("entities").toString());
    assertEquals(64, json.get("contentHash").asText().length());
    assertEquals(16, json.get("simHash").asText().length());
    assertTrue(json.get("minHashLength").asInt() > 0);
    assertFalse(json.get("lshBands").isEmpty());
    assertFalse(json.get("topTerms").isEmpty());
    // "Chancellor" starts the body's first sentence, so it is not a detail; "Scholz" after it is.
    assertTrue(json.get("detailTerms").toString().contains("\"scholz\""), json.get("detailTerms").toString());
    assertFalse(json.get("detailTerms").toString().contains("\"chancellor\""), json.get("detailTerms").toString());
  }

  @Test
  void htmlFileIsCleanedAsEnrichCleansIt() throws Exception {
    Path file = Files.writeString(dir.resolve("page.html"), "<html><head><title>Leaders meet in Berlin</title></head>"
        + "<body><script>track()</script><p>" + BODY.replace("\n\n", "</p><p>") + "</p>"
        + "<p>Story continues below advertisement</p></body></html>");

    assertEquals(0, cli.run("analyze", file.toString()), cli.err());

    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertEquals("Leaders meet in Berlin", json.get("title").asText());
    String clean = json.get("cleanText").asText();
    assertTrue(clean.startsWith("Chancellor Olaf Scholz met") && !clean.contains("track()")
        && !clean.contains("advertisement"), clean);
  }

  @Test
  void jsonFileIsReadWithTheIngestFieldRules() throws Exception {
    String article = new ObjectMapper().createObjectNode()
        .put("id", "a-1").put("source", "wire").put("title", "Leaders meet").put("body", BODY).put("language", "de")
        .toString();
    Path file = Files.writeString(dir.resolve("article.json"), article);

    assertEquals(0, cli.run("analyze", file.toString()), cli.err());

    JsonNode json = new ObjectMapper().readTree(cli.out());
    assertEquals("Leaders meet", json.get("title").asText());
    assertEquals("de", json.get("language").asText(), "a declared language wins, as in enrich");
  }

  @Test
  void jsonWithoutBodyIsOneLineErrorWithExitOne() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.json"), "{\"id\":\"x\",\"title\":\"t\"}");

    assertEquals(1, cli.run("analyze", file.toString()));

    String error = cli.err();
    assertTrue(error.startsWith("error: " + file) && error.contains("body"), error);
    assertEquals(1, error.strip().lines().count(), error);
  }

  @Test
  void missingFileIsOneLineErrorWithExitOne() {
    Path missing = dir.resolve("nope.txt");

    assertEquals(1, cli.run("analyze", missing.toString()));

    String error = cli.err();
    assertTrue(error.contains(missing.toString()) && error.contains("not-found"), error);
    assertEquals(1, error.strip().lines().count(), error);
    assertEquals("", cli.out());
  }

  @Test
  void unknownTypeIsUsageError() throws Exception {
    Path file = Files.writeString(dir.resolve("story.pdf"), "x");

    assertEquals(2, cli.run("analyze", file.toString()));
    assertTrue(cli.err().contains("unknown file type"));
  }
}
