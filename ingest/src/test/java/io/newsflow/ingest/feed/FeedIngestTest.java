package io.newsflow.ingest.feed;

import static io.newsflow.ingest.feed.LoopbackServer.fixture;
import static io.newsflow.ingest.feed.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.ArticleIntake;
import io.newsflow.ingest.ArticleSink;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.PublishedRevisions;
import io.newsflow.ingest.Rejection;
import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedIngestTest {
  private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

  private final LoopbackServer server = new LoopbackServer();
  private final Sink sink = new Sink();
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void articlesBecomeRawArticlesAndRejectionsBecomeReportedDeadLetters() {
    server.route("/rss", exchange -> send(exchange, 200, "application/rss+xml", fixture("feeds/world-rss2.xml")));
    FeedList feeds = new FeedList(List.of(new Feed(server.url("/rss"), "dailyplanet", Duration.ofMinutes(5), false)));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    FeedIngest ingest = new FeedIngest(feeds, new FeedFetcher(FeedFetcherTest.FAST),
        new ArticleIntake(sink, new PublishedRevisions(), clock, 1000),
        new PrintStream(errors, true, StandardCharsets.UTF_8), clock);

    ingest.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> ingest.summary().published() + ingest.summary().rejected() == 4);
    ingest.close();

    assertThat(ingest.summary()).isEqualTo(new IngestSummary(2, 0, 2, 0));
    assertThat(sink.commits).as("each item is committed as it comes").isGreaterThanOrEqualTo(4);
    RawArticle floods = sink.published.get(0);
    assertThat(floods.getArticleId()).isEqualTo(ArticleIds.forUrl("https://dailyplanet.example/news/world-europe-68412345"));
    assertThat(floods.getUrl()).isEqualTo("https://dailyplanet.example/news/world-europe-68412345");
    assertThat(floods.getSource()).isEqualTo("dailyplanet");
    assertThat(floods.getBodyFormat()).isEqualTo(BodyFormat.HTML);
    assertThat(floods.getIngestedAt()).isEqualTo(NOW);
    assertThat(floods.getOrigin()).isEqualTo(server.url("/rss") + "#item-1");
    assertThat(sink.deadLetters).extracting(DeadLetter::getReason).containsExactly("missing-field", "empty-body");
    assertThat(errors.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        server.url("/rss") + "#item-3: missing-field: item has no title",
        server.url("/rss") + "#item-4: empty-body: item 'Watch: the moment the bridge collapsed' has no text");
    assertThat(ingest.status()).singleElement().extracting(FeedStatus::articles).isEqualTo(2L);
  }

  /** Keeps what it is given; written to from the poller's threads, read from the test's. */
  private static final class Sink implements ArticleSink {
    final List<RawArticle> published = new CopyOnWriteArrayList<>();
    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    volatile int commits;

    @Override
    public void publish(RawArticle article, PublishedRevision state) {
      published.add(article);
    }

    @Override
    public void reject(Rejection rejection, Instant ingestedAt) {
      deadLetters.add(rejection.deadLetter(ingestedAt));
    }

    @Override
    public boolean commit() {
      commits++;
      return true;
    }
  }
}
