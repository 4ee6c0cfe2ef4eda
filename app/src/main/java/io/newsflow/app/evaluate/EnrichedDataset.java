package io.newsflow.app.evaluate;

import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.ArticleIds;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.RawArticles;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A labelled dataset enriched once, in replay order, with its labels by article id: the input of fitting. */
public record EnrichedDataset(String name, List<EnrichedArticle> articles, Map<String, String> goldByArticle,
                              boolean proxy) {

  /**
   * A corpus of distinct stories (such as the BBC folders), labelled as its own proxy: every article
   * is its own story except byte-identical bodies, which share one. Fitting on it too keeps weights
   * fitted on single-topic datasets from merging unrelated news.
   */
  public static EnrichedDataset distinctStories(Path corpus, ArticleEnricher enricher) {
    // Only articles that load are labelled.
    List<IncomingArticle> incoming = new ArticleFiles().articles(corpus);
    List<EnrichedArticle> articles = new ArrayList<>();
    Map<String, String> gold = new HashMap<>();
    Instant now = Instant.now();
    for (IncomingArticle article : incoming) {
      articles.add(enricher.enrich(RawArticles.from(article, now)));
      gold.put(ArticleIds.of(article), article.title() + "\n" + article.body());
    }
    return new EnrichedDataset(corpus.getFileName() + " (distinct-story proxy)", articles, gold, true);
  }

  /** Document id → article id of the documents of {@code order}, as {@link #of} identifies them. */
  public static Map<String, String> articleIds(String name, ReplayOrder order) {
    Map<String, String> ids = new HashMap<>();
    order.documents().forEach(t -> ids.put(t.document().docId(), ArticleIds.of(DatasetArticles.of(t, name))));
    return ids;
  }

  /** Only the articles in {@code articleIds}, in the same order, with their labels. */
  public EnrichedDataset only(Set<String> articleIds) {
    List<EnrichedArticle> kept = articles.stream().filter(a -> articleIds.contains(a.getArticleId())).toList();
    Map<String, String> gold = new HashMap<>();
    kept.forEach(a -> gold.put(a.getArticleId(), goldByArticle.get(a.getArticleId())));
    return new EnrichedDataset(name, kept, gold, proxy);
  }

  public static EnrichedDataset of(String name, ReplayOrder order, ArticleEnricher enricher) {
    List<EnrichedArticle> articles = new ArrayList<>();
    Map<String, String> gold = new HashMap<>();
    Instant now = Instant.now();
    for (ReplayOrder.TimedDocument timed : order.documents()) {
      IncomingArticle article = DatasetArticles.of(timed, name);
      articles.add(enricher.enrich(RawArticles.from(article, now)));
      gold.put(ArticleIds.of(article), timed.document().clusterId());
    }
    return new EnrichedDataset(name, articles, gold, false);
  }
}
