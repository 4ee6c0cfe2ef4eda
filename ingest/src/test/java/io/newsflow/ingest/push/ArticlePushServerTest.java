package io.newsflow.ingest.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.ArticleIntake;
import io.newsflow.ingest.ArticleSink;
import io.newsflow.ingest.PublishedRevisions;
import io.newsflow.ingest.Rejection;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArticlePushServerTest {
  private static final Instant NOW = Instant.parse("2025-01-15T08:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARTICLE = "{\"url\":\"https://www.example.com/a?utm_source=x\",\"source\":\"wire\","
      + "\"title\":\"Dollar gains\",\"body\":\"The dollar rose.\",\"published\":\"2025-01-15T07:00:00Z\"}";

  private final CommittedSink sink = new CommittedSink();
  private final HttpClient client = HttpClient.newHttpClient();
  private ArticlePushServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void oneArticleIsPublishedAndItsIdAnswered() throws Exception {
    start(Optional.empty());

    HttpResponse<String> response = post(ARTICLE, null);

    assertThat(response.statusCode()).isEqualTo(202);
    String id = ArticleIds.forUrl("https://example.com/a");
    assertThat(json(response)).isEqualTo(JSON.readTree("{\"articleIds\":[\"" + id + "\"]}"));
    assertThat(sink.articles).singleElement().satisfies(a -> {
      assertThat(a.getArticleId()).isEqualTo(id);
      assertThat(a.getSource()).isEqualTo("wire");
      assertThat(a.getOrigin()).isEqualTo("POST /articles 2025-01-15T08:00:00Z [0]");
    });
  }

  @Test
  void arrayWithABadItemPublishesTheOthersAndSaysWhichWasRejected() throws Exception {
    start(Optional.empty());

    HttpResponse<String> response = post("[" + ARTICLE + ",{\"id\":\"x\",\"body\":\"no title\"},"
        + "{\"id\":\"7\",\"title\":\"T\",\"body\":\"B\"}]", null);

    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode answer = json(response);
    assertThat(answer.get("articleIds")).hasSize(3);
    assertThat(answer.get("articleIds").get(1).isNull()).isTrue();
    assertThat(answer.get("articleIds").get(2).asText()).isEqualTo(ArticleIds.forGuid("push", "7"));
    assertThat(answer.get("rejected")).isEqualTo(
        JSON.readTree("[{\"index\":1,\"reason\":\"missing-field\",\"message\":\"missing field: title\"}]"));
    assertThat(sink.articles).hasSize(2);
    assertThat(sink.letters).singleElement().satisfies(l -> {
      assertThat(l.getReason()).isEqualTo("missing-field");
      assertThat(l.getOrigin()).isEqualTo("POST /articles 2025-01-15T08:00:00Z [1]");
    });
  }

  @Test
  void sameArticlePushedTwiceIsPublishedOnceButAnsweredBothTimes() throws Exception {
    start(Optional.empty());

    HttpResponse<String> first = post(ARTICLE, null);
    HttpResponse<String> second = post(ARTICLE, null);

    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(json(second)).isEqualTo(json(first));
    assertThat(sink.articles).hasSize(1);
  }

  @Test
  void invalidJsonIsA400AndADeadLetter() throws Exception {
    start(Optional.empty());

    HttpResponse<String> response = post("{\"title\": \"Broken", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asText()).startsWith("invalid-json: ");
    assertThat(sink.articles).isEmpty();
    assertThat(sink.letters).singleElement().satisfies(l -> assertThat(l.getReason()).isEqualTo("invalid-json"));
  }

  @Test
  void arrayOfOnlyBadItemsIsA400ListingEach() throws Exception {
    start(Optional.empty());

    HttpResponse<String> response = post("[{\"id\":\"1\"}, 42]", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("rejected")).extracting(r -> r.get("reason").asText())
        .containsExactly("missing-field", "invalid-json");
    assertThat(sink.articles).isEmpty();
  }

  @Test
  void withATokenConfiguredOnlyRequestsCarryingItGetIn() throws Exception {
    start(Optional.of("s3cret"));

    assertThat(post(ARTICLE, null).statusCode()).isEqualTo(401);
    assertThat(post(ARTICLE, "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(post(ARTICLE, "s3cret").statusCode()).as("without the Bearer scheme").isEqualTo(401);
    assertThat(sink.articles).isEmpty();

    assertThat(post(ARTICLE, "Bearer s3cret").statusCode()).isEqualTo(202);
    assertThat(sink.articles).hasSize(1);
  }

  @Test
  void bodyOverTheLimitIsA413WithOrWithoutContentLength() throws Exception {
    start(Optional.empty());
    String big = "[" + (ARTICLE + ",").repeat(2000) + ARTICLE + "]";
    assertThat(big.length()).isGreaterThan(64 * 1024);

    HttpResponse<String> declared = post(big, null);
    HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(URI.create(server.url() + "/articles"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(sink.articles).isEmpty();
    assertThat(post(ARTICLE, null).statusCode()).as("a request within the limit still goes through").isEqualTo(202);
  }

  @Test
  void failedCommitIsA503AndTheArticleIsNotTakenAsPublished() throws Exception {
    start(Optional.empty());
    sink.failNextCommit = true;

    assertThat(post(ARTICLE, null).statusCode()).isEqualTo(503);
    assertThat(post(ARTICLE, null).statusCode()).isEqualTo(202);
    assertThat(sink.articles).hasSize(1);
  }

  private void start(Optional<String> token) {
    ArticleIntake intake = new ArticleIntake(sink, new PublishedRevisions(), Clock.fixed(NOW, ZoneOffset.UTC), 1000);
    server = ArticlePushServer.start(intake, new PushSettings("127.0.0.1", 0, token, 64 * 1024), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private HttpResponse<String> post(String body, String authorization) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "/articles"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  /** Keeps what was committed; can fail one commit. */
  private static final class CommittedSink implements ArticleSink {
    final List<RawArticle> articles = new ArrayList<>();
    final List<DeadLetter> letters = new ArrayList<>();
    boolean failNextCommit;
    private final List<RawArticle> pendingArticles = new ArrayList<>();
    private final List<DeadLetter> pendingLetters = new ArrayList<>();

    @Override
    public synchronized void publish(RawArticle article, PublishedRevision state) {
      pendingArticles.add(article);
    }

    @Override
    public synchronized void reject(Rejection rejection, Instant ingestedAt) {
      pendingLetters.add(rejection.deadLetter(ingestedAt));
    }

    @Override
    public synchronized boolean commit() {
      boolean ok = !failNextCommit;
      failNextCommit = false;
      if (ok) {
        articles.addAll(pendingArticles);
        letters.addAll(pendingLetters);
      }
      pendingArticles.clear();
      pendingLetters.clear();
      return ok;
    }
  }
}
