package io.newsflow.schemas;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Enrich's progress records on {@code news.articles.enriched} (ADR 31): a null value, a key naming the partition
 * they were written to, and the {@link HeaderNames#PROGRESS} header. Only a record in the same partition is
 * ordered with the articles it vouches for, so the key, not a hash, says where it goes.
 */
public final class ProgressRecords {
  /** Key of ingest's records on the ingest-progress topic: compaction keeps the latest. */
  public static final String INGEST_PROGRESS_KEY = "ingest";
  private static final String KEY_PREFIX = "newsflow.progress/";

  private ProgressRecords() {}

  public static String key(int partition) {
    return KEY_PREFIX + partition;
  }

  /** The partition a progress record's key names; -1 when {@code key} is not one. */
  public static int partitionOf(String key) {
    if (key == null || !key.startsWith(KEY_PREFIX)) {
      return -1;
    }
    try {
      return Integer.parseInt(key.substring(KEY_PREFIX.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public static void stamp(Headers headers, long sequence) {
    headers.remove(HeaderNames.PROGRESS).add(HeaderNames.PROGRESS, decimal(sequence));
  }

  /** The sequence a progress record vouches for, if {@code headers} carry one. */
  public static OptionalLong progress(Headers headers) {
    return decimal(headers, HeaderNames.PROGRESS);
  }

  /** The {@link HeaderNames#SEQUENCE} of an article, if it has one (articles not from ingest have none). */
  public static OptionalLong sequence(Headers headers) {
    return decimal(headers, HeaderNames.SEQUENCE);
  }

  public static byte[] decimal(long value) {
    return Long.toString(value).getBytes(StandardCharsets.UTF_8);
  }

  private static OptionalLong decimal(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    if (header == null || header.value() == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(new String(header.value(), StandardCharsets.UTF_8)));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
