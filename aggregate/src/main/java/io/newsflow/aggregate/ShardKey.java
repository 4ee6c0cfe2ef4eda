package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;

/** Assignment shard of an article: its language, since stories do not cross languages. */
final class ShardKey {
  private ShardKey() {}

  static String of(EnrichedArticle article) {
    String language = article.getLanguage();
    return language == null || language.isBlank() ? "und" : language;
  }
}
