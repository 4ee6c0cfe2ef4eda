package io.newsflow.aggregate.query;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The story query API on the service's HTTP server (the same port as {@code /metrics}). */
public final class StoryRoutes {
  private StoryRoutes() {}

  public static void register(RoutesConfig routes, StoryQueries queries) {
    routes.get("/stories/{id}", ctx -> send(ctx, queries.story(ctx.pathParam("id"), forwarded(ctx))));
    routes.get("/articles/{id}/story", ctx -> send(ctx, queries.storyOfArticle(ctx.pathParam("id"), forwarded(ctx))));
    routes.get("/stories", ctx -> {
      Instant since;
      int limit;
      try {
        String s = ctx.queryParam("since");
        since = s == null || s.isBlank() ? null : Instant.parse(s.trim());
      } catch (DateTimeParseException e) {
        send(ctx, new QueryAnswer(400, "{\"error\":\"since must be an ISO-8601 instant such as 2025-01-15T00:00:00Z\"}"));
        return;
      }
      try {
        String l = ctx.queryParam("limit");
        limit = l == null || l.isBlank() ? StoryQueries.DEFAULT_LIMIT : Integer.parseInt(l.trim());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > StoryQueries.MAX_LIMIT) {
        send(ctx, new QueryAnswer(400, "{\"error\":\"limit must be a whole number from 1 to " + StoryQueries.MAX_LIMIT + "\"}"));
        return;
      }
      String entity = ctx.queryParam("entity");
      send(ctx, queries.stories(entity == null || entity.isBlank() ? null : entity.trim(), since, limit, forwarded(ctx)));
    });
  }

  private static boolean forwarded(Context ctx) {
    return ctx.header(StoryQueries.FORWARDED) != null;
  }

  private static void send(Context ctx, QueryAnswer answer) {
    ctx.status(answer.status()).contentType("application/json").result(answer.json());
  }
}
