package io.newsflow.ingest.feed;

import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.SourceListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A listener that keeps what it is given, safe to read from the test thread while a poller writes. */
final class Items implements SourceListener {
  final List<IncomingArticle> articles = new CopyOnWriteArrayList<>();
  final List<Rejection> rejections = new CopyOnWriteArrayList<>();

  @Override
  public void article(IncomingArticle article) {
    articles.add(article);
  }

  @Override
  public void rejected(Rejection rejection) {
    rejections.add(rejection);
  }

  List<String> rejectionLines() {
    return rejections.stream().map(Rejection::describe).toList();
  }

  List<String> titles() {
    return articles.stream().map(IncomingArticle::title).toList();
  }
}
