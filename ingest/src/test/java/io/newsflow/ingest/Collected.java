package io.newsflow.ingest;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** A listener that keeps what a source read, for assertions; safe to read while a poller thread writes. */
public final class Collected implements SourceListener {
  public final List<IncomingArticle> articles = new CopyOnWriteArrayList<>();
  public final List<Rejection> rejections = new CopyOnWriteArrayList<>();

  @Override
  public void article(IncomingArticle article) {
    articles.add(article);
  }

  @Override
  public void rejected(Rejection rejection) {
    rejections.add(rejection);
  }

  public List<String> titles() {
    return articles.stream().map(IncomingArticle::title).toList();
  }

  /** Rejections as {@code origin: reason: message} lines. */
  public List<String> rejectionLines() {
    return rejections.stream().map(Rejection::describe).toList();
  }
}
