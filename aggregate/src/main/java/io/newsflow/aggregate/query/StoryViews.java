package io.newsflow.aggregate.query;

import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.StoryArticle;
import io.newsflow.schemas.avro.StorySnapshot;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the query API, as maps in a fixed field order. */
public final class StoryViews {
  private StoryViews() {}

  /** The story with the articles its snapshot lists (the founding one and the latest): what {@code GET /stories/{id}} answers. */
  static Map<String, Object> story(StorySnapshot s) {
    Map<String, Object> m = summary(s);
    m.put("articles", s.getArticles().stream().map(StoryViews::article).toList());
    return m;
  }

  /** The story without its article list: one item of {@code GET /stories}. */
  static Map<String, Object> summary(StorySnapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("storyId", s.getStoryId());
    m.put("headline", s.getHeadline());
    m.put("status", s.getStatus().name());
    m.put("mergedInto", s.getMergedInto());
    m.put("language", s.getLanguage());
    m.put("startedAt", s.getStartedAt().toString());
    m.put("updatedAt", s.getUpdatedAt().toString());
    m.put("version", s.getVersion());
    // Snapshots written before the count existed listed every article.
    m.put("articleCount", Math.max(s.getArticleCount(), s.getArticles().size()));
    m.put("sources", s.getSources());
    m.put("roles", roles(s));
    m.put("entities", s.getEntities().stream().map(StoryViews::entity).toList());
    return m;
  }

  /**
   * How many of the articles the snapshot lists (the founding one and the 49 latest) have each role,
   * in the enum's order, roles no listed article has left out: the whole story's when it has at most 50.
   */
  static Map<String, Integer> roles(StorySnapshot s) {
    Map<ArticleRole, Integer> counts = new EnumMap<>(ArticleRole.class);
    for (StoryArticle a : s.getArticles()) {
      counts.merge(a.getRole(), 1, Integer::sum);
    }
    Map<String, Integer> named = new LinkedHashMap<>();
    counts.forEach((role, n) -> named.put(role.name(), n));
    return named;
  }

  static Map<String, Object> assignment(ArticleAssignment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("articleId", a.getArticleId());
    m.put("storyId", a.getStoryId());
    m.put("role", a.getRole().name());
    m.put("similarity", a.getSimilarity());
    m.put("shard", a.getShard());
    m.put("eventTime", a.getEventTime().toString());
    return m;
  }

  static Map<String, Object> error(String message) {
    return Map.of("error", message);
  }

  /** One article of a story as JSON fields; `newsflow run` prints the same shape. */
  public static Map<String, Object> article(StoryArticle a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("articleId", a.getArticleId());
    m.put("source", a.getSource());
    m.put("title", a.getTitle());
    m.put("url", a.getUrl());
    m.put("publishedAt", a.getPublishedAt().toString());
    m.put("role", a.getRole().name());
    return m;
  }

  public static Map<String, Object> entity(EntityRef e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", e.getName());
    m.put("type", e.getType().name());
    m.put("mentions", e.getMentions());
    return m;
  }
}
