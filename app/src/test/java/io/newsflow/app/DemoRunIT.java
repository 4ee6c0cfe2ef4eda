package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A bare {@code newsflow run} as a new user starts it: no input, no push, no feeds, only a data directory
 * and a free dashboard port. It runs in a JVM of its own so that it is stopped by a real signal and its real
 * exit code is checked (SIGTERM, which the command handles exactly like Ctrl-C's SIGINT; a test JVM may
 * have SIGINT ignored, as background jobs do, and pass that on).
 */
class DemoRunIT {
  private static final Pattern DASHBOARD = Pattern.compile("^dashboard on (http://\\S+?)/ ");
  private static final Duration STORY_BUDGET = Duration.ofMinutes(2);

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;
  private Process run;

  @Test
  void aBareRunShowsDemoStoriesGrowingWithinTwoMinutesAndCtrlCExitsZero() throws Exception {
    // Given: `newsflow run` with nothing to read
    Path stdout = dir.resolve("stdout.jsonl");
    Path stderr = dir.resolve("stderr.log");
    long started = System.nanoTime();
    run = start(stdout, stderr, "run", "--data-dir", dir.resolve("data").toString(), "--http-port", "0");

    // When: the dashboard is up
    AtomicReference<String> firstLine = new AtomicReference<>();
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .failFast("run exited", () -> !run.isAlive())
        .until(() -> firstLine(stderr).map(l -> {
          firstLine.set(l);
          return true;
        }).orElse(false));
    Matcher dashboard = DASHBOARD.matcher(firstLine.get());
    assertThat(dashboard.find()).as("the first line on stderr names the dashboard: %s", firstLine.get()).isTrue();
    String url = dashboard.group(1);

    // Then: within two minutes of the start, /stories has a story of 2 or more articles, all demo data
    AtomicReference<JsonNode> story = new AtomicReference<>();
    Awaitility.await().atMost(STORY_BUDGET.minusNanos(System.nanoTime() - started)).pollInterval(Duration.ofSeconds(1))
        .failFast("run exited", () -> !run.isAlive())
        .until(() -> grownStory(url).map(s -> {
          story.set(s);
          return true;
        }).orElse(false));
    JsonNode grown = story.get();
    assertThat(grown.get("articleCount").asInt()).isGreaterThanOrEqualTo(2);
    List<String> sources = new ArrayList<>();
    grown.get("sources").forEach(s -> sources.add(s.asText()));
    assertThat(sources).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("demo:"));
    // and the story's own page lists its articles, from demo sources, published on the live clock
    JsonNode page = json.readTree(get(url + "/stories/" + grown.get("storyId").asText()).body());
    assertThat(page.get("articles")).isNotEmpty().allSatisfy(a -> {
      assertThat(a.get("source").asText()).startsWith("demo:");
      assertThat(a.get("url").asText()).startsWith("https://demo.newsflow.example/");
    });
    assertThat(Duration.between(java.time.Instant.parse(grown.get("updatedAt").asText()), java.time.Instant.now()))
        .isLessThan(Duration.ofMinutes(5));
    String log = Files.readString(stderr);
    assertThat(log).contains("live demo: generated articles at 20/s, sources labelled demo:");
    // and the dashboard page's story panel shows demo stories of 2 or more articles, one opens on a click (real Chromium)
    ChromeDriver browser = DashboardIT.chromium();
    try {
      browser.get(url + "/?refresh=500");
      // Live: rows move out of the panel's latest 12 as new articles come, so pick and click in one retried step.
      Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
        List<String> row = DashboardIT.storyRows(browser).stream()
            .filter(r -> r.get(3).contains("demo:") && Integer.parseInt(r.get(2).replaceAll("\\D", "")) >= 2)
            .findFirst().orElse(null);
        assertThat(row).as("a story row of 2+ demo articles").isNotNull();
        browser.findElement(By.cssSelector("#stories-table tr.story-row[data-story-id='" + row.get(0) + "']")).click();
        Awaitility.await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() ->
            assertThat(browser.findElement(By.cssSelector("#story-headline")).getText()).isEqualTo(row.get(1).strip()));
      });
    } finally {
      browser.quit();
    }

    // When: stopped as Ctrl-C stops it
    run.destroy();

    // Then: everything closes and the exit code is 0
    assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
    String all = Files.readString(stderr);
    assertThat(run.exitValue()).as(tail(all)).isZero();
    assertThat(all).containsPattern("demo source stopped: published \\d+, unchanged 0, rejected 0")
        .contains("stopping").containsPattern("Kafka broker on \\S+ stopped").doesNotContain("\tat ");
    assertThat(Files.readString(stdout)).contains("\"type\":\"ARTICLE_ADDED\"").contains("\"source\":\"demo:");
  }

  @AfterEach
  void killLeftovers() throws InterruptedException {
    if (run != null && run.isAlive()) {
      run.destroyForcibly();
      run.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The story with the most articles if it has 2 or more, from a 200 answer of {@code GET /stories}. */
  private Optional<JsonNode> grownStory(String url) throws IOException, InterruptedException {
    HttpResponse<String> response = get(url + "/stories?limit=100");
    if (response.statusCode() != 200) {
      return Optional.empty(); // 503 while the story topology starts
    }
    JsonNode best = null;
    for (JsonNode s : json.readTree(response.body()).get("stories")) {
      if (best == null || s.get("articleCount").asInt() > best.get("articleCount").asInt()) {
        best = s;
      }
    }
    return best != null && best.get("articleCount").asInt() >= 2 ? Optional.of(best) : Optional.empty();
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<String> firstLine(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    return end < 0 ? Optional.empty() : Optional.of(text.substring(0, end));
  }

  private static String tail(String log) {
    return log.substring(Math.max(0, log.length() - 4000));
  }

  private static Process start(Path stdout, Path stderr, String... args) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", classpath, Newsflow.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
  }
}
