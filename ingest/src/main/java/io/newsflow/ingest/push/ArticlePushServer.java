package io.newsflow.ingest.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.newsflow.ingest.ArticleIntake;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /articles}: articles pushed over HTTP, into the same intake as files, so they are
 * deduplicated, revised and dead-lettered the same way. Answers (JSON):
 * <ul>
 *   <li>202 {@code {"articleIds":[...]}}: one id per item, in order, also for unchanged articles;
 *       written and committed before the answer. With some bad items, their place in
 *       {@code articleIds} is null and {@code "rejected":[{"index":i,"reason":..,"message":..}]} says why;</li>
 *   <li>400 {@code {"error":..}} (plus {@code rejected}): the body is not JSON or UTF-8, or no item is a valid article;</li>
 *   <li>401 when a token is configured and the request lacks {@code Authorization: Bearer <token>};</li>
 *   <li>413 when the body is larger than the limit (checked before reading it);</li>
 *   <li>503 when Kafka did not take the batch: nothing of the request was published, retry.</li>
 * </ul>
 * Requests are taken into the intake one at a time (it holds one transaction).
 */
public final class ArticlePushServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ArticlePushServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Javalin http;
  private final ArticleIntake intake;
  private final PushSettings settings;
  private final Clock clock;

  private ArticlePushServer(ArticleIntake intake, PushSettings settings, Clock clock) {
    this.intake = intake;
    this.settings = settings;
    this.clock = clock;
    this.http = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = settings.maxRequestBytes();
      config.routes.post("/articles", this::post);
    });
  }

  /** Listens on the configured host and port; returns once the port is open. */
  public static ArticlePushServer start(ArticleIntake intake, PushSettings settings, Clock clock) {
    ArticlePushServer server = new ArticlePushServer(intake, settings, clock);
    server.http.start(settings.host(), settings.port());
    LOG.info("accepting pushed articles at {}/articles{}", server.url(),
        settings.token().isPresent() ? " (bearer token required)" : "");
    return server;
  }

  /** Base URL, e.g. {@code http://127.0.0.1:8082}. */
  public String url() {
    return "http://" + settings.host() + ":" + http.port();
  }

  public int port() {
    return http.port();
  }

  private void post(Context ctx) throws IOException {
    if (!authorized(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Bearer");
      answer(ctx, 401, Map.of("error", "missing or wrong bearer token"));
      return;
    }
    long declared = ctx.contentLength();
    byte[] body = declared > settings.maxRequestBytes() ? null : readAtMost(ctx.bodyInputStream(), settings.maxRequestBytes());
    if (body == null) {
      answer(ctx, 413, Map.of("error", "request larger than " + settings.maxRequestBytes() + " bytes"));
      return;
    }
    PushedArticles.Answer answer;
    synchronized (intake) {
      answer = PushedArticles.take(body, intake, clock.instant());
    }
    answer(ctx, answer.status(), answer.body());
  }

  private boolean authorized(String header) {
    if (settings.token().isEmpty()) {
      return true;
    }
    String expected = "Bearer " + settings.token().get();
    // Constant-time comparison: the time taken must not tell how much of a guess was right.
    return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  /** The stream's bytes, or null when there are more than {@code limit} (a body without Content-Length). */
  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? null : bytes;
  }

  private static void answer(Context ctx, int status, Object body) throws JsonProcessingException {
    ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
  }

  @Override
  public void close() {
    http.stop();
  }
}
