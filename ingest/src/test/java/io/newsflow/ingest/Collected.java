package io.newsflow.ingest;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps what a source read, for assertions. */
final class Collected implements SourceListener {
  final List<IncomingArticle> articles = new ArrayList<>();
  final List<Rejection> rejections = new ArrayList<>();

  @Override
  public void article(IncomingArticle article) {
    articles.add(article);
  }

  @Override
  public void rejected(Rejection rejection) {
    rejections.add(rejection);
  }

  List<String> titles() {
    return articles.stream().map(IncomingArticle::title).toList();
  }

  /** Rejections as {@code origin: reason: message} lines. */
  List<String> rejectionLines() {
    return rejections.stream().map(Rejection::describe).toList();
  }
}
