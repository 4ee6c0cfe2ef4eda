package io.newsflow.app.evaluate;

import io.newsflow.enrich.text.entities.training.ConllCorpus;
import io.newsflow.enrich.text.entities.training.TokenText;
import io.newsflow.ingest.IncomingArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The GMB extract's Voice of America news as articles. The extract has no document boundaries, so consecutive
 * sentences are cut into articles of {@link #SENTENCES} each, the first sentence as the headline: for counting
 * which words news articles hold (ADR 42), not for anything that needs a real article's bounds.
 */
public final class GmbDocuments {
  /** Sentences per article: about a short news article, and as good as 8 under the cross-validation of ADR 42. */
  public static final int SENTENCES = 20;
  private static final Instant PUBLISHED = Instant.parse("2000-01-01T00:00:00Z");

  private GmbDocuments() {}

  public static List<IncomingArticle> read(Path conll) throws IOException {
    List<String> sentences = new ArrayList<>();
    for (ConllCorpus.Document document : ConllCorpus.read(conll)) {
      for (ConllCorpus.Sentence sentence : document.sentences()) {
        // GMB joins multi-word names with '~' ("New~York").
        sentences.add(TokenText.of(sentence.tokens()).text().replace('~', ' '));
      }
    }
    return articles(sentences);
  }

  static List<IncomingArticle> articles(List<String> sentences) {
    List<IncomingArticle> articles = new ArrayList<>();
    for (int first = 0; first + SENTENCES <= sentences.size(); first += SENTENCES) {
      String id = "gmb-" + (first / SENTENCES + 1);
      String body = String.join(" ", sentences.subList(first + 1, first + SENTENCES));
      articles.add(new IncomingArticle("gmb", null, id, sentences.get(first), body, false, null, null, PUBLISHED,
          "gmb:" + id));
    }
    return articles;
  }
}
