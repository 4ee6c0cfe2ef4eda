package io.newsflow.aggregate.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.StoryArticle;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.avro.StoryStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What one item of {@code GET /stories} says about a story, which the dashboard's story panel shows. */
class StoryViewsTest {
  private static final Instant T = Instant.parse("2024-03-01T08:00:00Z");

  @Test
  void aSummaryCountsTheRolesOfTheListedArticlesInTheEnumsOrder() {
    StorySnapshot s = new StorySnapshot("s-1", "Quake hits coast", StoryStatus.ACTIVE, "en", T, T.plusSeconds(90), 3L,
        List.of(article("a-1", ArticleRole.NEW_REPORT), article("a-2", ArticleRole.EXACT_DUPLICATE),
            article("a-3", ArticleRole.NEW_REPORT)),
        List.of("wire"), List.of(), null, 3);

    Map<String, Object> summary = StoryViews.summary(s);

    assertThat(summary.get("roles")).isEqualTo(StoryViews.roles(s));
    assertThat(StoryViews.roles(s)).containsExactly(Map.entry("NEW_REPORT", 2), Map.entry("EXACT_DUPLICATE", 1));
    assertThat(summary.get("articleCount")).isEqualTo(3);
    assertThat(summary).doesNotContainKey("articles");
  }

  private static StoryArticle article(String id, ArticleRole role) {
    return new StoryArticle(id, "wire", "Quake hits coast", null, T, role);
  }
}
