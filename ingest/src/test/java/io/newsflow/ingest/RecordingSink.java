package io.newsflow.ingest;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link ArticleSink} that keeps what was committed, for tests without Kafka; can fail a commit. */
final class RecordingSink implements ArticleSink {
  final List<RawArticle> published = new ArrayList<>();
  final List<PublishedRevision> states = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();
  int commits;
  boolean failNextCommit;

  private final List<RawArticle> pendingArticles = new ArrayList<>();
  private final List<PublishedRevision> pendingStates = new ArrayList<>();
  private final List<DeadLetter> pendingLetters = new ArrayList<>();

  @Override
  public void publish(RawArticle article, PublishedRevision state) {
    pendingArticles.add(article);
    pendingStates.add(state);
  }

  @Override
  public void reject(Rejection rejection, Instant ingestedAt) {
    pendingLetters.add(rejection.deadLetter(ingestedAt));
  }

  @Override
  public boolean commit() {
    commits++;
    boolean ok = !failNextCommit;
    failNextCommit = false;
    if (ok) {
      published.addAll(pendingArticles);
      states.addAll(pendingStates);
      deadLetters.addAll(pendingLetters);
    }
    pendingArticles.clear();
    pendingStates.clear();
    pendingLetters.clear();
    return ok;
  }
}
