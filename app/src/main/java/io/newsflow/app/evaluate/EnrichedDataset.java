package io.newsflow.app.evaluate;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.RawArticles;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A labelled dataset enriched once, in replay order, with its labels by article id: the input of fitting. */
public record EnrichedDataset(String name, List<EnrichedArticle> articles, Map<String, String> goldByArticle) {

  public static EnrichedDataset of(String name, ReplayOrder order, ArticleEnricher enricher) {
    List<EnrichedArticle> articles = new ArrayList<>();
    Map<String, String> gold = new HashMap<>();
    Instant now = Instant.now();
    for (ReplayOrder.TimedDocument timed : order.documents()) {
      IncomingArticle article = DatasetArticles.of(timed, name);
      articles.add(enricher.enrich(RawArticles.from(article, now)));
      gold.put(ArticleIds.of(article), timed.document().clusterId());
    }
    return new EnrichedDataset(name, articles, gold);
  }
}
