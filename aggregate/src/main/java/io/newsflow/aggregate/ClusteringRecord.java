package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import java.util.ArrayList;
import java.util.List;

/**
 * What crosses the shard repartition to the assigner: the enriched article without what clustering
 * never reads, its clean text and the entities' surface forms (ADR 29). Everything the assigner needs was
 * computed in enrich; the whole article stays on {@code news.articles.enriched}.
 */
final class ClusteringRecord {
  private ClusteringRecord() {}

  static EnrichedArticle of(EnrichedArticle article) {
    List<Entity> entities = new ArrayList<>(article.getEntities().size());
    for (Entity e : article.getEntities()) {
      entities.add(new Entity(e.getName(), e.getType(), List.of(), e.getMentions(), e.getSalience()));
    }
    return new EnrichedArticle(article.getArticleId(), article.getSource(), article.getUrl(), article.getTitle(), "",
        article.getLanguage(), article.getEventTime(), article.getWordCount(), entities, article.getFingerprints(),
        article.getTopTerms(), article.getDetailTerms(), article.getYears(), article.getIngestedAt(),
        article.getSubjects(), article.getMarkedNames());
  }
}
