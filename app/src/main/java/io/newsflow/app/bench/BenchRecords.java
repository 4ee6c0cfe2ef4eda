package io.newsflow.app.bench;

import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.RawArticles;
import io.newsflow.schemas.Topic;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The benchmark's articles as every stage sees them: as read (for ingest), and serialized the way
 * ingest writes them to the raw topic (for the plain Kafka stage), with their total size, the one
 * byte measure of every stage. Articles with an id seen before are left out: ingest would count them
 * as unchanged, and every stage must handle the same records.
 */
public final class BenchRecords {
  public final List<IncomingArticle> articles;
  final List<byte[]> keys;
  final List<byte[]> values;
  public final long bytes;
  public final int repeatedIds;

  private BenchRecords(List<IncomingArticle> articles, List<byte[]> keys, List<byte[]> values, long bytes,
                       int repeatedIds) {
    this.articles = articles;
    this.keys = keys;
    this.values = values;
    this.bytes = bytes;
    this.repeatedIds = repeatedIds;
  }

  public static BenchRecords of(List<IncomingArticle> input, Topic<String, RawArticle> raw, Instant ingestedAt) {
    List<IncomingArticle> articles = new ArrayList<>();
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    long bytes = 0;
    try (Serializer<RawArticle> serializer = raw.valueSerde().serializer()) {
      for (IncomingArticle article : input) {
        RawArticle record = RawArticles.from(article, ingestedAt);
        if (!ids.add(record.getArticleId())) {
          continue;
        }
        byte[] key = record.getArticleId().getBytes(StandardCharsets.UTF_8);
        byte[] value = serializer.serialize(raw.name(), record);
        articles.add(article);
        keys.add(key);
        values.add(value);
        bytes += key.length + value.length;
      }
    }
    return new BenchRecords(List.copyOf(articles), keys, values, bytes, input.size() - articles.size());
  }

  public int size() {
    return articles.size();
  }
}
