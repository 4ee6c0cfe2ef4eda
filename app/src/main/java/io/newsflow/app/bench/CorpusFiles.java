package io.newsflow.app.bench;

import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.SourceListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A corpus from files, read the way ingest reads them; what ingest would reject is reported, one line each. */
public final class CorpusFiles {
  private CorpusFiles() {}

  /** The articles under {@code path}, at most {@code limit}; each rejected input is one line on {@code errors}. */
  public static List<IncomingArticle> read(Path path, int limit, PrintStream errors) {
    List<IncomingArticle> articles = new ArrayList<>();
    long[] rejected = {0};
    new ArticleFiles().read(path, new SourceListener() {
      @Override
      public void article(IncomingArticle article) {
        if (articles.size() < limit) {
          articles.add(article);
        }
      }

      @Override
      public void rejected(Rejection rejection) {
        rejected[0]++;
        errors.println(rejection.describe());
      }
    });
    errors.printf("bench: corpus %s: %d articles read, %d inputs rejected (not benchmarked)%n", path, articles.size(),
        rejected[0]);
    return articles;
  }
}
