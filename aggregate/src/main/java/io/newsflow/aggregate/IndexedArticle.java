package io.newsflow.aggregate;

import io.newsflow.schemas.avro.ArticleRole;
import java.time.Instant;
import java.util.List;

/** What the index keeps of an article that joined a story: enough to find it, compare it and reassign it. */
public record IndexedArticle(String articleId, Instant publishedAt, ArticleRole role, List<Integer> minHash,
                             boolean late) {}
