package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.platform.SharedData;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.http.OperationsServer;
import io.newsflow.platform.kafka.LagMonitor;
import io.newsflow.platform.kafka.PartitionLag;
import io.newsflow.platform.streams.StreamsService;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.avro.StoryStatus;
import io.newsflow.ingest.IngestSummary;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * lag measurement, charts drawn from live numbers, and a screenshot in {@code target/dashboard.png}.
 */
class DashboardIT {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final int ARTICLES = 60;
  static final List<String> CHARTS = List.of("chart-throughput", "chart-lag", "chart-deadletters", "chart-stories");

  @TempDir Path dir;

  @Test
  void showsLiveLagThroughputDeadLettersAndStoriesWhileThePipelineRuns() throws Exception {
    // Given: 60 BBC business articles and one without a body, and a pipeline whose enrich is not started yet
    assertThat(CHROMIUM).as("Chromium is needed: apt-get install -y chromium chromium-driver (see .ci/run)").isExecutable();
    assertThat(CHROMEDRIVER).as("chromedriver is needed: apt-get install -y chromium-driver (see .ci/run)").isExecutable();
    Path input = articles(dir.resolve("input/business"));
    NewsflowConfig config = TestCluster.isolatedConfig(dir.resolve("data")).with(Operations.PORT, "0")
        .with(Operations.LAG_INTERVAL_MS, "300").with(Operations.DASHBOARD_INTERVAL_MS, "500");
    PrintStream errors = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Map<String, java.util.Set<String>> groups = Services.consumerGroups(config);
    String enrichGroup = groups.keySet().stream().filter(g -> g.endsWith("enrich")).findFirst().orElseThrow();
    String raw = TopicNames.fromSettings(config.asMap()).raw();

    try (Cluster cluster = Cluster.connect(config)) {
      cluster.provisionTopics();
      try (StreamsService enrich = Services.enrich(cluster);
           StreamsService aggregate = Services.aggregate(cluster).start();
           OperationsServer ops = Operations.serve(cluster, errors, enrich, aggregate);
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
          // one partition, and the commit marker of the one ingest transaction), as the lag monitor measures it
          await().atMost(Duration.ofSeconds(60)).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            assertThat(lagOf(lagShown(browser), enrichGroup + "|" + raw + "|")).isEqualTo(ARTICLES + 1L);
            assertThat(lagShown(browser)).isEqualTo(measured(monitor, groups));
            assertThat(serviceState(browser, enrich.name())).isEqualTo("CREATED");
            assertThat(text(browser, "#overall")).isEqualTo("not ready");
          });

          // When: enrich starts and the pipeline drains
          enrich.start();
          assertThat(PipelineIdle.await(admin, groups, Services.settleTime(cluster), Duration.ofSeconds(120))).isTrue();

          // Then: lag is gone, every stage has counted the articles, stories and dead letters show
          long activeStories = activeStories(cluster);
          assertThat(activeStories).isPositive();
          await().atMost(Duration.ofSeconds(60)).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            assertThat(lagOf(lagShown(browser), enrichGroup + "|" + raw + "|")).isZero();
            assertThat(text(browser, "#stories-active")).isEqualTo(String.valueOf(activeStories));
            assertThat(text(browser, ".stage-total[data-stage=enrich]")).isEqualTo("enrich " + ARTICLES);
            assertThat(text(browser, ".stage-total[data-stage=aggregate]")).isEqualTo("aggregate " + ARTICLES);
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

  private static ChromeDriver chromium() throws Exception {
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
