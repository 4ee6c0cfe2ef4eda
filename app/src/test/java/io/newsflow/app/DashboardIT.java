package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.newsflow.aggregate.query.StoryQueries;
import io.newsflow.aggregate.query.StoryRoutes;
import io.newsflow.app.cluster.Cluster;
import io.newsflow.app.cluster.Operations;
import io.newsflow.app.cluster.PipelineIdle;
import io.newsflow.app.cluster.Services;
import io.newsflow.app.stories.TopicReader;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.platform.SharedData;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.OperationsServer;
import io.newsflow.platform.kafka.LagMonitor;
import io.newsflow.platform.kafka.PartitionLag;
import io.newsflow.platform.metrics.MeterNames;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.avro.StoryStatus;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard as an operator sees it, in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them): lag rows that agree with an independent
 * lag measurement, charts drawn from live numbers, the latest stories as the story queries answer
 * them, one story opened with its timeline and articles, untrusted story text shown as text and never
 * run, latency maxima that stay maxima, and a screenshot in {@code target/dashboard.png}.
 */
class DashboardIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final int ARTICLES = 60;
  /** Articles of {@link #wire}: two reports of one event, and two articles whose title and source are markup. */
  static final int WIRE_ARTICLES = 4;
  static final String HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
  static final String HOSTILE_TITLE_2 = "Follow-up <svg onload=\"window.__pwned=3\"></svg> & <b>more</b>";
  static final String HOSTILE_SOURCE = "<img src=y onerror=\"window.__pwned=4\">";
  static final String JAVASCRIPT_URL = "javascript:window.__pwned=5";
  static final String STORY_TITLE = "Cargo ship strikes pier and closes the Valdora harbour bridge";
  static final List<String> CHARTS = List.of("chart-throughput", "chart-lag", "chart-deadletters", "chart-stories");

  @TempDir Path dir;

  @Test
  void showsLiveLagThroughputDeadLettersAndStoriesWhileThePipelineRuns() throws Exception {
    // Given: 60 BBC business articles and one without a body, and a pipeline whose enrich is not started yet
    assertThat(CHROMIUM).as("Chromium is needed: apt-get install -y chromium chromium-driver (see .ci/run)").isExecutable();
    assertThat(CHROMEDRIVER).as("chromedriver is needed: apt-get install -y chromium-driver (see .ci/run)").isExecutable();
    Path input = articles(dir.resolve("input/business"));
    Path wire = wire(dir.resolve("wire"), latestModification(SharedData.path("bbc-news-2225/business")));
    NewsflowConfig config = TestCluster.isolatedConfig(dir.resolve("data")).with(Operations.PORT, "0")
        .with(Operations.LAG_INTERVAL_MS, "300").with(Operations.DASHBOARD_INTERVAL_MS, "500");
    PrintStream errors = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Map<String, java.util.Set<String>> groups = Services.consumerGroups(config);
    String enrichGroup = groups.keySet().stream().filter(g -> g.endsWith("enrich")).findFirst().orElseThrow();
    String raw = TopicNames.fromSettings(config.asMap()).raw();

    try (Cluster cluster = Cluster.connect(config)) {
      cluster.provisionTopics();
      // Micrometer forgets a latency maximum 2 minutes after it was recorded; here after 3 seconds, so the
      // page is checked after the window has forgotten every value, as on a pipeline quiet for 2 minutes.
      cluster.meters().config().meterFilter(shortLatencyWindow(Duration.ofSeconds(3)));
      StoryQueries queries = new StoryQueries();
      try (StreamsService enrich = Services.enrich(cluster);
           OperationsServer ops = Operations.serve(cluster, errors, routes -> StoryRoutes.register(routes, queries), enrich);
           StreamsService aggregate = Operations.watched(ops, Services.aggregate(cluster, queries, ops.port())).start();
           Admin admin = cluster.admin();
           LagMonitor monitor = new LagMonitor(admin, config.kafkaClientProperties(), Clock.systemUTC())) {
        IngestSummary summary = Services.ingestFiles(cluster, List.of(input.getParent()), errors);
        assertThat(summary.published()).isEqualTo(ARTICLES);
        assertThat(summary.rejected()).isEqualTo(1);
        ChromeDriver browser = chromium();
        try {
          // The page redraws its tables every 500 ms, so every read of it sits in an await that retries a stale element.
          // When: the dashboard is open while enrich has not consumed anything
          browser.get(ops.url() + "/?refresh=500");

          // Then: the raw topic's rows show every article as lag (offsets: the 60 articles, all of one source so in
          // one partition, and the commit marker of the one ingest transaction), as the lag monitor measures it;
          // and no story yet
          await().atMost(Duration.ofSeconds(60)).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            assertThat(lagOf(lagShown(browser), enrichGroup + "|" + raw + "|")).isEqualTo(ARTICLES + 1L);
            assertThat(lagShown(browser)).isEqualTo(measured(monitor, groups));
            assertThat(serviceState(browser, enrich.name())).isEqualTo("CREATED");
            assertThat(text(browser, "#overall")).isEqualTo("not ready");
            assertThat(text(browser, "#stories-note")).isEqualTo("No stories yet.");
          });

          // When: enrich starts, articles from the wire follow (two reports of one event, two with markup
          // for title and source) and the pipeline drains
          enrich.start();
          IngestSummary fromWire = Services.ingestFiles(cluster, List.of(wire), errors);
          assertThat(fromWire.published()).isEqualTo(WIRE_ARTICLES);
          assertThat(PipelineIdle.await(admin, groups, Services.settleTime(cluster), Duration.ofSeconds(120))).isTrue();

          // Then: lag is gone, every stage has counted the articles, stories and dead letters show
          long activeStories = activeStories(cluster);
          assertThat(activeStories).isPositive();
          await().atMost(Duration.ofSeconds(60)).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            assertThat(lagOf(lagShown(browser), enrichGroup + "|" + raw + "|")).isZero();
            assertThat(text(browser, "#stories-active")).isEqualTo(String.valueOf(activeStories));
            assertThat(text(browser, ".stage-total[data-stage=enrich]")).isEqualTo("enrich " + (ARTICLES + WIRE_ARTICLES));
            assertThat(text(browser, ".stage-total[data-stage=aggregate]"))
                .isEqualTo("aggregate " + (ARTICLES + WIRE_ARTICLES));
            assertThat(serviceState(browser, enrich.name())).isEqualTo("RUNNING");
            assertThat(text(browser, "#overall")).isEqualTo("ready");
            assertThat(text(browser, "#deadletters-total")).isEqualTo("1");
            assertThat(browser.findElements(By.cssSelector("#deadletter-table tbody tr")))
                .extracting(WebElement::getText).containsExactly("ingest empty-body 1");
            assertThat(text(browser, "#latency tr[data-latency=assignment]")).startsWith("assignment decision mean");
          });

          // and every chart holds data points and has drawn them, the lag sparklines too
          await().atMost(Duration.ofSeconds(30)).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            for (String chart : CHARTS) {
              assertThat(dataPoints(browser, chart)).as(chart).isGreaterThan(1);
              assertThat(inkedPixels(browser, "#" + chart)).as(chart).isGreaterThan(500);
            }
            assertThat(inkedPixels(browser, "tr.lag-row canvas.spark")).isGreaterThan(50);
          });

          // and the story panel lists the most recently updated stories as GET /stories answers them
          List<JsonNode> latest = new ArrayList<>();
          await().atMost(Duration.ofSeconds(30)).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            latest.clear();
            get(ops, "/stories?limit=12").get("stories").forEach(latest::add);
            assertThat(storyRows(browser)).as("GET /stories: %s", latest)
                .isEqualTo(latest.stream().map(DashboardIT::storyRow).toList());
          });
          JsonNode reported = latest.stream().filter(story -> story.get("headline").asText().equals(STORY_TITLE))
              .findFirst().orElseThrow();
          assertThat(reported.get("articleCount").asInt()).isGreaterThanOrEqualTo(2);

          // When: the operator clicks that story
          click(browser, reported.get("storyId").asText());

          // Then: it opens with its timeline and its member articles, those of GET /stories/{id}
          JsonNode story = get(ops, "/stories/" + reported.get("storyId").asText());
          await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            assertThat(text(browser, "#story-headline")).isEqualTo(STORY_TITLE);
            assertThat(timeline(browser)).isEqualTo(expectedTimeline(story));
            assertThat(members(browser)).containsExactlyInAnyOrderElementsOf(expectedMembers(story));
          });
          assertThat(timeline(browser)).hasSizeGreaterThanOrEqualTo(2);

          // When: the operator opens the story whose title and sources are markup
          JsonNode hostile = latest.stream().filter(s -> s.get("headline").asText().equals(HOSTILE_TITLE)).findFirst()
              .orElseThrow(() -> new AssertionError("the story of the hostile title is among the latest: " + latest));
          click(browser, hostile.get("storyId").asText());

          // Then: the page shows the markup literally, as text, in the list and the story, links only the
          // http(s) URL, and nothing in it ran or became an element
          JsonNode hostileStory = get(ops, "/stories/" + hostile.get("storyId").asText());
          assertThat(hostileStory.get("articles").findValuesAsText("url")).contains(JAVASCRIPT_URL);
          await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            assertThat(text(browser, "#stories-table tr[data-story-id='" + hostile.get("storyId").asText()
                + "'] .headline-text")).isEqualTo(HOSTILE_TITLE);
            assertThat(text(browser, "#story-headline")).isEqualTo(HOSTILE_TITLE);
            assertThat(members(browser)).containsExactlyInAnyOrderElementsOf(expectedMembers(hostileStory));
            assertThat(members(browser)).extracting(m -> m.get("title")).contains(HOSTILE_TITLE, HOSTILE_TITLE_2);
            assertThat(members(browser)).extracting(m -> m.get("source")).contains(HOSTILE_SOURCE);
            assertThat(text(browser, "#story-sources")).contains(HOSTILE_SOURCE);
            assertThat(links(browser)).containsExactly("https://wire.example/follow-up");
          });
          assertThat(injected(browser)).as("elements made from story text").isZero();
          await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
              assertThat(browser.executeScript("return String(window.__pwned)")).as("window.__pwned, set by story text")
                  .isEqualTo("undefined"));

          // and once Micrometer's window has forgotten every latency, each maximum is still at least its mean
          await().atMost(Duration.ofSeconds(30)).until(() ->
              cluster.meters().find(MeterNames.ASSIGNMENT_LATENCY).timer().max(TimeUnit.MILLISECONDS) == 0);
          await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            for (String latency : List.of("assignment", "endToEndFromIngest", "endToEndFromPublication")) {
              double[] meanAndMax = meanAndMax(text(browser, "#latency tr[data-latency=" + latency + "] td.num"));
              assertThat(meanAndMax[1]).as(latency + " max").isPositive().isGreaterThanOrEqualTo(meanAndMax[0]);
            }
          });

          // The screenshot shows a story of the news, not the markup
          click(browser, reported.get("storyId").asText());
          await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class)
              .untilAsserted(() -> assertThat(text(browser, "#story-headline")).isEqualTo(STORY_TITLE));
          Path screenshot = Path.of("target", "dashboard.png");
          Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
          assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        } finally {
          browser.quit();
        }
      }
    }
  }

  /** A copy of the first {@link #ARTICLES} BBC business articles, keeping their times, and one empty article. */
  private static Path articles(Path folder) throws Exception {
    Files.createDirectories(folder);
    try (Stream<Path> files = Files.list(SharedData.path("bbc-news-2225/business"))) {
      for (Path file : files.sorted().limit(ARTICLES).toList()) {
        Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    Files.writeString(folder.resolve("zz-headline-only.txt"), "A headline and nothing else\n\n");
    return folder;
  }

  private static Instant latestModification(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> {
        try {
          return Files.getLastModifiedTime(f).toInstant();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).max(Comparator.naturalOrder()).orElseThrow();
    }
  }

  /**
   * A JSON Lines file of four articles published after {@code after} (the newest stories): two reports of one
   * event from two sources, and two whose title and source are markup, one of them with a javascript: URL.
   * Enrich reads a title with markup as HTML and keeps its text ({@code TextCleaner.cleanTitle}), so markup
   * reaches a story's headline when the source escaped it, as a feed does for a title about HTML.
   */
  private static Path wire(Path folder, Instant after) throws Exception {
    Files.createDirectories(folder);
    String report = "A cargo ship lost power and struck a pier of the Valdora harbour bridge early on Tuesday, "
        + "and the harbour authority closed the bridge to all traffic while engineers inspect the damage. "
        + "The ship, the Northern Meridian, was carrying containers from Rotterdam and had two tugboats beside it. "
        + "Nobody was injured, the authority said, but ferries will replace the bridge for commuters this week. "
        + "Inspectors from the national transport agency will decide on Thursday whether the pier must be rebuilt.";
    String followUp = "The Valdora harbour bridge stays closed after a cargo ship lost power and struck one of its "
        + "piers on Tuesday, the harbour authority said. The Northern Meridian, carrying containers from Rotterdam, "
        + "had two tugboats beside it. Nobody was injured. Ferries replace the bridge for commuters this week, and "
        + "inspectors from the national transport agency decide on Thursday whether the pier must be rebuilt.";
    String hostile = "Councillors in the mountain town of Brennholt voted on Monday to rebuild the old library, "
        + "which burned down last winter, with money from the regional heritage fund and a local bond. "
        + "The new building will keep the stone facade and add a reading room for children, the mayor said, "
        + "and the work should start in the spring once the architects have finished the plans for the site.";
    ObjectMapper json = new ObjectMapper();
    List<Map<String, String>> articles = List.of(
        Map.of("id", "wire-1", "source", "wire-north", "title", STORY_TITLE, "body", report,
            "url", "https://wire-north.example/valdora-bridge", "published", after.plusSeconds(60).toString()),
        Map.of("id", "wire-2", "source", "wire-south",
            "title", "Valdora harbour bridge stays closed after ship strikes pier", "body", followUp, "url", "https://wire-south.example/valdora", "published", after.plusSeconds(120).toString()),
        Map.of("id", "wire-3", "source", HOSTILE_SOURCE, "title", escaped(HOSTILE_TITLE), "body", hostile,
            "url", JAVASCRIPT_URL, "published", after.plusSeconds(180).toString()),
        Map.of("id", "wire-4", "source", "wire & <b>co</b>", "title", escaped(HOSTILE_TITLE_2),
            "body", hostile + " Updated.",
            "url", "https://wire.example/follow-up", "published", after.plusSeconds(240).toString()));
    StringBuilder lines = new StringBuilder();
    for (Map<String, String> article : articles) {
      lines.append(json.writeValueAsString(article)).append('\n');
    }
    Files.writeString(folder.resolve("wire.jsonl"), lines);
    return folder;
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Latency meters keep their maximum for {@code expiry} instead of Micrometer's default 2 minutes. */
  private static MeterFilter shortLatencyWindow(Duration expiry) {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        boolean latency = id.getName().equals(MeterNames.ASSIGNMENT_LATENCY)
            || id.getName().equals(MeterNames.END_TO_END_LATENCY);
        return latency ? DistributionStatisticConfig.builder().expiry(expiry).bufferLength(3).build().merge(config) : config;
      }
    };
  }

  private static JsonNode get(OperationsServer ops, String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(ops.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  /** A row of the story panel as the page should show {@code story}, an item of GET /stories. */
  private static List<String> storyRow(JsonNode story) {
    List<String> sources = new ArrayList<>();
    story.get("sources").forEach(source -> sources.add(source.asText()));
    String headline = story.get("headline").asText();
    return List.of(story.get("storyId").asText(), headline.isBlank() ? "(no headline)" : headline,
        story.get("articleCount").asText(), String.join(", ", sources));
  }

  /** The story panel's rows: story id, headline, article count and sources, as text. */
  @SuppressWarnings("unchecked")
  static List<List<String>> storyRows(ChromeDriver browser) {
    return (List<List<String>>) browser.executeScript(
        "return [...document.querySelectorAll('#stories-table tr.story-row')].map(tr => [tr.dataset.storyId,"
            + " tr.querySelector('td.headline .headline-text').textContent, tr.querySelector('td.articles').textContent,"
            + " tr.querySelector('td.sources').textContent]);");
  }

  static void click(ChromeDriver browser, String storyId) {
    await().atMost(Duration.ofSeconds(10)).ignoreException(StaleElementReferenceException.class).untilAsserted(() ->
        browser.findElement(By.cssSelector("#stories-table tr.story-row[data-story-id='" + storyId + "']")).click());
  }

  /** The open story's timeline, one line of text per entry, without the entry's time. */
  @SuppressWarnings("unchecked")
  private static List<String> timeline(ChromeDriver browser) {
    return (List<String>) browser.executeScript(
        "return [...document.querySelectorAll('#story-timeline li')].map(li => li.querySelector('.when')"
            + " ? li.textContent.slice(li.querySelector('.when').textContent.length + 1) : li.textContent);");
  }

  /** The timeline's entries without their times: what happened, the source and the title. */
  private static List<String> expectedTimeline(JsonNode story) {
    List<String> entries = new ArrayList<>();
    JsonNode articles = story.get("articles");
    for (int i = 0; i < articles.size(); i++) {
      JsonNode a = articles.get(i);
      String what = i == 0 ? "started" : "joined as " + roleName(a);
      entries.add(what + " · " + a.get("source").asText() + ": " + a.get("title").asText());
    }
    return entries;
  }

  /** The open story's member articles: article id, source, title and role as shown. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> members(ChromeDriver browser) {
    return (List<Map<String, String>>) browser.executeScript(
        "return [...document.querySelectorAll('#story-articles tr.member')].map(tr => ({articleId: tr.dataset.articleId,"
            + " source: tr.querySelector('td.source').textContent, title: tr.querySelector('td.title').textContent,"
            + " role: tr.querySelector('td.role').textContent}));");
  }

  private static List<Map<String, String>> expectedMembers(JsonNode story) {
    List<Map<String, String>> members = new ArrayList<>();
    story.get("articles").forEach(a -> members.add(Map.of("articleId", a.get("articleId").asText(),
        "source", a.get("source").asText(), "title", a.get("title").asText(),
        "role", roleName(a))));
    return members;
  }

  /** A role as the page names it: NEAR_DUPLICATE is "near duplicate". */
  private static String roleName(JsonNode article) {
    return article.get("role").asText().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** Where the open story's article links go. */
  @SuppressWarnings("unchecked")
  private static List<String> links(ChromeDriver browser) {
    return (List<String>) browser.executeScript(
        "return [...document.querySelectorAll('#story-articles a')].map(a => a.getAttribute('href'));");
  }

  /** Elements in the story panels that only markup in story text could have made. */
  private static long injected(ChromeDriver browser) {
    return (Long) browser.executeScript("return document.querySelectorAll(['img', 'script', 'svg', 'b', 'iframe']"
        + ".flatMap(tag => ['#stories-panel ' + tag, '#story-panel ' + tag]).join(',')).length;");
  }

  /** Mean and max in milliseconds from a latency cell such as "mean 5.76 ms · max 41.20 ms" or "... max 95 s". */
  private static double[] meanAndMax(String cell) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("mean ([0-9.]+) (ms|s) · max ([0-9.]+) (ms|s)").matcher(cell);
    assertThat(m.matches()).as(cell).isTrue();
    return new double[] {Double.parseDouble(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1),
        Double.parseDouble(m.group(3)) * (m.group(4).equals("s") ? 1000 : 1)};
  }

  /** Headless Chromium through Debian's chromedriver; DemoRunIT opens the demo's dashboard with it too. */
  static ChromeDriver chromium() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1700",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static Map<String, Long> measured(LagMonitor monitor, Map<String, java.util.Set<String>> groups)
      throws Exception {
    Map<String, Long> measured = new HashMap<>();
    for (PartitionLag lag : monitor.measure(groups)) {
      measured.put(lag.group() + "|" + lag.topic() + "|" + lag.partition(), lag.records());
    }
    return measured;
  }

  /** The lag summed over the rows whose group|topic|partition starts with {@code prefix}. */
  private static long lagOf(Map<String, Long> lag, String prefix) {
    return lag.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
  }

  /** The lag table as group|topic|partition → records shown; fails on a partition shown twice. */
  private static Map<String, Long> lagShown(ChromeDriver browser) {
    Map<String, Long> shown = new HashMap<>();
    for (WebElement row : browser.findElements(By.cssSelector("#lag-table tr.lag-row"))) {
      String key = row.findElement(By.cssSelector(".group")).getText() + "|"
          + row.findElement(By.cssSelector(".topic")).getText() + "|" + row.findElement(By.cssSelector(".partition")).getText();
      Long before = shown.put(key, Long.parseLong(row.findElement(By.cssSelector(".records")).getText()));
      assertThat(before).as("one row per partition, but %s appears twice", key).isNull();
    }
    return shown;
  }

  private static String serviceState(ChromeDriver browser, String service) {
    return browser.findElement(By.cssSelector("#health li[data-service='" + service + "'] .state")).getText();
  }

  /** The element's text; found again when the page's refresh replaced it between finding and reading. */
  private static String text(ChromeDriver browser, String css) {
    for (int attempt = 1; ; attempt++) {
      try {
        return browser.findElement(By.cssSelector(css)).getText();
      } catch (StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  private static long dataPoints(ChromeDriver browser, String canvasId) {
    return (Long) ((JavascriptExecutor) browser).executeScript(
        "const chart = Chart.getChart(document.getElementById(arguments[0]));"
            + "return chart ? chart.data.datasets.reduce((n, d) => n + d.data.filter(v => v != null).length, 0) : 0;",
        canvasId);
  }

  /** Pixels of the first canvas matching {@code css} that are not transparent. */
  private static long inkedPixels(ChromeDriver browser, String css) {
    return (Long) ((JavascriptExecutor) browser).executeScript(
        "const c = document.querySelector(arguments[0]);"
            + "const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            + "let n = 0; for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) n++; } return n;", css);
  }

  private static long activeStories(Cluster cluster) {
    Map<String, StorySnapshot> latest = new HashMap<>();
    try (TopicReader<String, StorySnapshot> reader = new TopicReader<>(cluster.config().kafkaClientProperties(),
        cluster.topics().storySnapshots())) {
      reader.readAll().forEach(r -> latest.put(r.key(), r.value()));
    }
    return latest.values().stream().filter(s -> s.getStatus() == StoryStatus.ACTIVE).count();
  }
}
