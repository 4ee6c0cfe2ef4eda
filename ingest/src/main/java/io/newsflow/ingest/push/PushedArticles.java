package io.newsflow.ingest.push;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.ingest.ArticleIntake;
import io.newsflow.ingest.ArticleJson;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.RejectionReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code POST /articles} body (a JSON article or an array of them, in the JSON Lines form) taken
 * into the intake and committed, and the answer to it. Items are judged one by one: bad ones become
 * dead letters and are listed in the answer, the others are published (or found unchanged).
 */
final class PushedArticles {
  /** The source of pushed articles that do not name one. */
  static final String DEFAULT_SOURCE = "push";

  /** Status and JSON body of the answer. */
  record Answer(int status, Map<String, Object> body) {}

  private PushedArticles() {}

  /** Must be called by one request at a time: the intake and its transaction are not shared. */
  static Answer take(byte[] body, ArticleIntake intake, Instant receivedAt) {
    String origin = "POST /articles " + receivedAt;
    JsonNode json;
    try {
      json = ArticleJson.parse(body);
    } catch (ArticleJson.InvalidArticle e) {
      return rejectWhole(intake, new Rejection(origin, e.reason(), e.getMessage(), body));
    }
    if (!json.isArray() && !json.isObject()) {
      return rejectWhole(intake, new Rejection(origin, RejectionReason.INVALID_JSON,
          "expected a JSON object or array", body));
    }
    List<JsonNode> items = new ArrayList<>();
    (json.isArray() ? json : List.of(json)).forEach(items::add);
    if (items.isEmpty()) {
      return new Answer(400, Map.of("error", "no articles in the request"));
    }

    List<String> ids = new ArrayList<>();
    List<Map<String, Object>> rejected = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String itemOrigin = origin + " [" + i + "]";
      try {
        IncomingArticle article = ArticleJson.toArticle(items.get(i), DEFAULT_SOURCE, itemOrigin);
        ids.add(intake.accept(article));
      } catch (ArticleJson.InvalidArticle e) {
        intake.rejected(new Rejection(itemOrigin, e.reason(), e.getMessage(), ArticleJson.bytes(items.get(i))));
        ids.add(null);
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("index", i);
        why.put("reason", e.reason().code());
        why.put("message", e.getMessage());
        rejected.add(why);
      }
    }
    if (!intake.commit()) {
      return unavailable();
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    if (rejected.size() == items.size()) {
      answer.put("error", "no valid article in the request");
    } else {
      answer.put("articleIds", ids);
    }
    if (!rejected.isEmpty()) {
      answer.put("rejected", rejected);
    }
    return new Answer(rejected.size() == items.size() ? 400 : 202, answer);
  }

  private static Answer rejectWhole(ArticleIntake intake, Rejection rejection) {
    intake.rejected(rejection);
    if (!intake.commit()) {
      return unavailable();
    }
    return new Answer(400, Map.of("error", rejection.reason().code() + ": " + rejection.message()));
  }

  private static Answer unavailable() {
    return new Answer(503, Map.of("error", "could not write to Kafka; nothing of this request was published, retry"));
  }
}
