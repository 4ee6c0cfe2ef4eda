package io.newsflow.ingest.feed;

import io.newsflow.ingest.Collected;
import static io.newsflow.ingest.feed.LoopbackServer.fixture;
import static io.newsflow.ingest.feed.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
  private static final Duration OFTEN = Duration.ofMillis(50);
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final LoopbackServer server = new LoopbackServer();
  private final Collected items = new Collected();
  private FeedPoller poller;

  @AfterEach
  void stop() {
    if (poller != null) {
      poller.close();
    }
    server.close();
  }

  @Test
  void secondPollSendsTheEtagAndA304YieldsNothingNew() {
    server.route("/rss", exchange -> {
      if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
      } else {
        exchange.getResponseHeaders().set("ETag", "\"v1\"");
        send(exchange, 200, "application/rss+xml", fixture("feeds/world-rss2.xml"));
      }
    });
    Feed feed = feed("/rss", "dailyplanet");

    start(FeedFetcherTest.FAST, feed);

    await().atMost(WAIT).until(() -> status(0).notModified() >= 2);
    assertThat(items.titles()).containsExactly("Floods force thousands from homes in northern Italy",
        "Markets rally as inflation cools & rates hold");
    assertThat(items.rejections).hasSize(2);   // the untitled and the empty item, once
    assertThat(server.requests("/rss").get(1).headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
    FeedStatus status = status(0);
    assertThat(status.errors()).isZero();
    assertThat(status.articles()).isEqualTo(2);
    assertThat(status.polls()).isGreaterThanOrEqualTo(status.notModified() + 1);
    assertThat(status.validators()).isEqualTo(new Validators("\"v1\"", null));
    assertThat(status.nextPollAt()).isAfter(status.lastPollAt());
  }

  @Test
  void unchangedItemsAreNotHandedOnAgainWhenTheServerIgnoresValidators() {
    server.route("/rss", exchange -> send(exchange, 200, "application/atom+xml", fixture("feeds/science-atom.xml")));

    start(FeedFetcherTest.FAST, feed("/rss", "observatory"));

    await().atMost(WAIT).until(() -> status(0).polls() >= 3);
    assertThat(items.articles).hasSize(2);
    assertThat(status(0).unchangedItems()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void failingFeedBacksOffUpToTheCapWhileTheOthersArePolledAndRecoversOnSuccess() {
    AtomicBoolean broken = new AtomicBoolean(true);
    server.route("/broken", exchange -> {
      if (broken.get()) {
        send(exchange, 500, "text/plain", "oops".getBytes(StandardCharsets.UTF_8));
      } else {
        send(exchange, 200, "application/atom+xml", fixture("feeds/science-atom.xml"));
      }
    });
    server.route("/healthy", exchange -> exchange.sendResponseHeaders(304, -1));

    start(FeedFetcherTest.FAST, Duration.ofMillis(400), feed("/broken", "broken"), feed("/healthy", "healthy"));

    await().atMost(WAIT).until(() -> status(0).consecutiveFailures() >= 4);
    FeedStatus failing = status(0);
    assertThat(failing.retryDelay()).as("50 ms doubled four times, capped").isEqualTo(Duration.ofMillis(400));
    assertThat(failing.errors()).isEqualTo(failing.polls());
    assertThat(failing.lastError()).isEqualTo("http-error: HTTP 500 from " + server.url("/broken"));
    assertThat(status(1).polls()).as("the healthy feed kept its own pace").isGreaterThan(2 * failing.polls());
    assertThat(items.rejections).extracting(Rejection::describe)
        .allMatch(line -> line.equals(server.url("/broken") + ": http-error: HTTP 500 from " + server.url("/broken")));

    broken.set(false);

    await().atMost(WAIT).until(() -> status(0).consecutiveFailures() == 0);
    assertThat(status(0).retryDelay()).isEqualTo(OFTEN);
    assertThat(items.articles).hasSize(2);
  }

  @Test
  void feedThatNeverAnswersDoesNotHoldUpTheOthers() {
    server.route("/stuck", exchange -> server.stall());
    server.route("/healthy", exchange -> exchange.sendResponseHeaders(304, -1));
    FetchSettings patient = FeedFetcherTest.FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30));

    start(patient, feed("/stuck", "stuck"), feed("/healthy", "healthy"));

    await().atMost(WAIT).until(() -> status(1).polls() >= 5);
    assertThat(server.requests("/stuck")).hasSize(1);
    assertThat(status(0).polls()).as("its first poll is still waiting").isZero();
  }

  @Test
  void timedOutOversizedAndMalformedFeedsAreRejectedWithTheirReason() {
    byte[] big = new byte[200 * 1024];
    server.route("/slow", exchange -> server.stall());
    server.route("/big", exchange -> send(exchange, 200, "text/xml", big));
    server.route("/malformed", exchange -> send(exchange, 200, "text/xml", fixture("feeds/malformed-rss.xml")));

    start(FeedFetcherTest.FAST, feed("/slow", "slow"), feed("/big", "big"), feed("/malformed", "malformed"));

    await().atMost(WAIT).until(() -> status(0).errors() >= 1 && status(1).errors() >= 1 && status(2).errors() >= 1);
    assertThat(items.rejections).extracting(r -> r.origin() + " " + r.reason().code()).contains(
        server.url("/slow") + " unreachable", server.url("/big") + " too-large", server.url("/malformed") + " malformed-feed");
    assertThat(items.articles).isEmpty();
  }

  @Test
  void shortItemsOfAFetchPagesFeedAreCompletedFromTheirPage() {
    String feedXml = """
        <rss version="2.0"><channel><title>Daily Planet</title>
          <item><title>Floods force thousands from homes in northern Italy</title>
            <link>%s</link><description>Rivers burst their banks.</description></item>
          <item><title>Only a link</title><link>%s</link></item>
        </channel></rss>""".formatted(server.url("/news/floods"), server.url("/news/missing"));
    server.route("/rss", exchange -> send(exchange, 200, "application/rss+xml", feedXml.getBytes(StandardCharsets.UTF_8)));
    server.route("/news/floods", exchange -> send(exchange, 200, "text/html; charset=utf-8", fixture("pages/news-article.html")));
    server.route("/news/missing", exchange -> send(exchange, 404, "text/html", new byte[0]));
    Feed feed = new Feed(server.url("/rss"), "dailyplanet", OFTEN, true);

    start(FeedFetcherTest.FAST, feed);

    await().atMost(WAIT).until(() -> status(0).polls() >= 2);
    assertThat(items.articles).singleElement().satisfies(a -> {
      assertThat(a.title()).isEqualTo("Floods force thousands from homes in northern Italy");
      assertThat(a.url()).as("the feed's link stays the identity").isEqualTo(server.url("/news/floods").toString());
      assertThat(a.body()).startsWith("Thousands of people have been evacuated").contains("\n\nThe civil protection agency");
      assertThat(a.isHtml()).isFalse();
      assertThat(a.author()).isEqualTo("Sofia Bellini");
      assertThat(a.publishedAt()).hasToString("2024-03-01T09:15:00Z");
    });
    assertThat(items.rejectionLines()).containsExactly(server.url("/rss") + "#item-2: http-error: article page: HTTP 404 from "
        + server.url("/news/missing"));
    assertThat(server.requests("/news/floods")).as("fetched once, not on every poll").hasSize(1);
    assertThat(status(0).pageFailures()).isEqualTo(1);
  }

  @Test
  void closeStopsPolling() {
    server.route("/rss", exchange -> exchange.sendResponseHeaders(304, -1));
    start(FeedFetcherTest.FAST, feed("/rss", "a"));
    await().atMost(WAIT).until(() -> status(0).polls() >= 2);

    poller.close();
    long polls = status(0).polls();

    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> status(0).polls() == polls);
  }

  private void start(FetchSettings settings, Feed... feeds) {
    start(settings, Duration.ofSeconds(1), feeds);
  }

  private void start(FetchSettings settings, Duration maxBackoff, Feed... feeds) {
    poller = new FeedPoller(new FeedList(List.of(feeds)), new FeedFetcher(settings), items, Clock.systemUTC(), 2, maxBackoff);
    poller.start();
  }

  private FeedStatus status(int feed) {
    return poller.status().get(feed);
  }

  private Feed feed(String path, String source) {
    return new Feed(server.url(path), source, OFTEN, false);
  }
}
