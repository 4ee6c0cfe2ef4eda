package io.newsflow.app.stories;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.aggregate.query.StoryViews;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StorySnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One-line JSON forms of stories and story events for stdout. */
public final class StoryJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoryJson() {}

  public static String story(StorySnapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("storyId", s.getStoryId());
    m.put("headline", s.getHeadline());
    m.put("status", s.getStatus().name());
    m.put("language", s.getLanguage());
    m.put("startedAt", s.getStartedAt().toString());
    m.put("updatedAt", s.getUpdatedAt().toString());
    m.put("sources", s.getSources());
    m.put("articleCount", Math.max(s.getArticleCount(), s.getArticles().size()));
    m.put("articles", s.getArticles().stream().map(StoryViews::article).toList());
    m.put("entities", s.getEntities().stream().map(StoryViews::entity).toList());
    return write(m);
  }

  public static String event(StoryEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", e.getType().name());
    m.put("storyId", e.getStoryId());
    m.put("sequence", e.getSequence());
    m.put("eventTime", e.getEventTime().toString());
    if (e.getArticleId() != null) {
      m.put("articleId", e.getArticleId());
      m.put("source", e.getSource());
      m.put("role", e.getRole() == null ? null : e.getRole().name());
    }
    m.put("headline", e.getHeadline());
    m.put("articleCount", e.getArticleCount());
    m.put("sources", e.getSources());
    m.put("topEntities", e.getTopEntities().stream().map(StoryViews::entity).toList());
    if (!e.getMergedStoryIds().isEmpty()) {
      m.put("mergedStoryIds", e.getMergedStoryIds());
    }
    return write(m);
  }


  private static String write(Map<String, Object> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  static List<String> stories(List<StorySnapshot> snapshots) {
    return snapshots.stream().map(StoryJson::story).toList();
  }
}
