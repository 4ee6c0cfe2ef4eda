package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class SourcePartitionsTest {
  @Test
  void aSourceGoesWhereKafkasDefaultPartitionerWouldPutItAsAKey() {
    for (String source : new String[] {"reuters", "bbc-news/business", "demo:wire-7", "Ünïcode"}) {
      for (int partitions : new int[] {1, 2, 3, 12}) {
        int expected = BuiltInPartitioner.partitionForKey(source.getBytes(StandardCharsets.UTF_8), partitions);
        assertThat(SourcePartitions.of(source, partitions)).as(source + " over " + partitions).isEqualTo(expected);
      }
    }
  }

  @Test
  void progressRecordKeysNameTheirPartitionAndArticleIdsNameNone() {
    assertThat(ProgressRecords.partitionOf(ProgressRecords.key(2))).isEqualTo(2);
    assertThat(ProgressRecords.partitionOf("reuters-123")).isEqualTo(-1);
    assertThat(ProgressRecords.partitionOf("newsflow.progress/x")).isEqualTo(-1);

    RecordHeaders headers = new RecordHeaders();
    ProgressRecords.stamp(headers, 41);
    ProgressRecords.stamp(headers, 42);
    assertThat(ProgressRecords.progress(headers)).hasValue(42);
    assertThat(ProgressRecords.sequence(headers)).isEmpty();
  }
}
