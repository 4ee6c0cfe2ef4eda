package io.newsflow.enrich;

import io.newsflow.schemas.ProgressRecords;
import io.newsflow.schemas.SourcePartitions;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Enriched articles go to their source's partition, the raw partition they came from (ingest partitions by
 * source); progress records to the partition their key names, the one whose articles they vouch for.
 */
final class BySourcePartitioner implements StreamPartitioner<String, EnrichedArticle> {
  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, EnrichedArticle value, int numPartitions) {
    int partition = value == null ? ProgressRecords.partitionOf(key) : SourcePartitions.of(value.getSource(), numPartitions);
    return partition < 0 || partition >= numPartitions ? Optional.empty() : Optional.of(Set.of(partition));
  }
}
