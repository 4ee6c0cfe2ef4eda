package io.newsflow.ingest;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link ArticleSink} that keeps everything, for tests without Kafka. */
final class RecordingSink implements ArticleSink {
  final List<RawArticle> published = new ArrayList<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();
  int flushes;

  @Override
  public void publish(RawArticle article) {
    published.add(article);
  }

  @Override
  public void reject(Rejection rejection, Instant ingestedAt) {
    deadLetters.add(DeadLetters.from(rejection, ingestedAt));
  }

  @Override
  public void flush() {
    flushes++;
  }

  @Override
  public long failedDeliveries() {
    return 0;
  }
}
