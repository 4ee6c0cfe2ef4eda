package io.newsflow.schemas;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Raw and enriched articles are partitioned by source, not by their key (the article id): enrich learns each
 * source's boilerplate from the articles it has seen, so all of a source's articles must pass one task, in
 * ingest's order, for the learning not to depend on the partition count (ADR 32). Murmur2 of the source's
 * UTF-8 bytes, as Kafka's default partitioner would hash a key.
 */
public final class SourcePartitions {
  private SourcePartitions() {}

  public static int of(String source, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    return Utils.toPositive(Utils.murmur2(source.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
