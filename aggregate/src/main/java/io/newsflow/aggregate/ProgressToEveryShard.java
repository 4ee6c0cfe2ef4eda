package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Shard repartition: articles by their shard key, as by default; enrich's progress records (null value) to every shard. */
final class ProgressToEveryShard implements StreamPartitioner<String, EnrichedArticle> {
  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, EnrichedArticle value, int numPartitions) {
    if (value != null) {
      return Optional.empty();
    }
    return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
  }
}
