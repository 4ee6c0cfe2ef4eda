package io.newsflow.ingest.feed;

import static io.newsflow.ingest.feed.LoopbackServer.fixture;
import static io.newsflow.ingest.feed.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.IngestSummary;
import io.newsflow.ingest.IngestService;
import io.newsflow.ingest.IngestSettings;
import io.newsflow.platform.TestCluster;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.kafka.TopicProvisioner;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A feed on loopback, polled into the real test broker: articles and dead letters out, and nothing more on a 304. */
class FeedIngestIT {

  @Test
  void polledFeedReachesTheRawTopicOnceAndItsBadItemsTheDeadLetterTopic() {
    // Given topics of our own on the shared broker
    String run = UUID.randomUUID().toString();
    Topics topics = new Topics(TopicNames.fromSettings(Map.of("topic.raw", "it-feed-raw-" + run,
        "topic.deadletter", "it-feed-dead-" + run, "topic.ingest-state", "it-feed-state-" + run,
        "topic.ingest-progress", "it-feed-progress-" + run)), 1,
        new HttpSchemaRegistryClient(TestCluster.schemaRegistryUrl()));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestCluster.bootstrapServers()))) {
      new TopicProvisioner(admin, (short) 1).ensure(List.of(topics.raw(), topics.deadLetter(), topics.ingestState(),
          topics.ingestProgress()));
    }
    // and a feed server that answers 304 once the client holds its ETag
    try (LoopbackServer server = new LoopbackServer()) {
      server.route("/rss", exchange -> {
        if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
          exchange.sendResponseHeaders(304, -1);
        } else {
          exchange.getResponseHeaders().set("ETag", "\"v1\"");
          send(exchange, 200, "application/rss+xml", fixture("feeds/world-rss2.xml"));
        }
      });
      FeedList feeds = new FeedList(List.of(new Feed(server.url("/rss"), "dailyplanet", Duration.ofMillis(100), false)));

      // When feed ingest polls it with the real publisher until a poll finds nothing new
      FeedIngest ingest;
      try (IngestService service = IngestService.start(Map.of("bootstrap.servers", TestCluster.bootstrapServers()),
          topics, new IngestSettings("it-feed-" + run, 100), Clock.systemUTC())) {
        ingest = new FeedIngest(feeds, new FeedFetcher(FeedFetcherTest.FAST), service.intake(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.systemUTC());
        ingest.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> ingest.status().get(0).notModified() >= 2);
        ingest.close();
      }

      // Then two articles and two dead letters were published, once
      assertThat(ingest.summary()).isEqualTo(new IngestSummary(2, 0, 2, 0));
      List<ConsumerRecord<String, RawArticle>> articles = TestTopics.readExactly(topics.raw(), 2);
      assertThat(articles).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
          ArticleIds.forUrl("https://www.dailyplanet.example/news/world-europe-68412345"),
          ArticleIds.forUrl("https://www.dailyplanet.example/news/business-68410001"));
      assertThat(articles).extracting(ConsumerRecord::timestamp).containsExactlyInAnyOrder(
          Instant.parse("2024-03-01T09:15:00Z").toEpochMilli(), Instant.parse("2024-03-01T07:02:11Z").toEpochMilli());
      List<ConsumerRecord<String, DeadLetter>> letters = TestTopics.readExactly(topics.deadLetter(), 2);
      assertThat(letters).extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder(server.url("/rss") + "#item-3", server.url("/rss") + "#item-4");
    }
  }
}
