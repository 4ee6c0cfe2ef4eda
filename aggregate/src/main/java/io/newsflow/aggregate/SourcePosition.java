package io.newsflow.aggregate;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Where an article sat in the enriched topic. Stamped into headers before the shard repartition,
 * which mixes the enriched partitions in whatever order their tasks happen to write, so that the
 * story assigner can restore an order that does not depend on that timing.
 */
record SourcePosition(int partition, long offset) {
  static final String PARTITION_HEADER = "newsflow.source.partition";
  static final String OFFSET_HEADER = "newsflow.source.offset";

  void stamp(Headers headers) {
    headers.remove(PARTITION_HEADER).remove(OFFSET_HEADER);
    headers.add(PARTITION_HEADER, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
    headers.add(OFFSET_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
  }

  static Optional<SourcePosition> from(Headers headers) {
    Header partition = headers.lastHeader(PARTITION_HEADER);
    Header offset = headers.lastHeader(OFFSET_HEADER);
    if (partition == null || offset == null || partition.value() == null || offset.value() == null
        || partition.value().length != Integer.BYTES || offset.value().length != Long.BYTES) {
      return Optional.empty();
    }
    return Optional.of(new SourcePosition(ByteBuffer.wrap(partition.value()).getInt(),
        ByteBuffer.wrap(offset.value()).getLong()));
  }
}
