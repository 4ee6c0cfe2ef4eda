package io.newsflow.ingest;

import io.newsflow.schemas.avro.internal.IngestProgress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Ingest's sequence: each raw article's position in what ingest has committed, carried in the
 * {@code newsflow.sequence} header, and where each raw partition stood at each commit ({@link IngestProgress}).
 * The one order of the articles that does not depend on how many partitions they were spread over (ADR 31).
 * A transaction that is aborted gives its numbers back, so committed sequences have no gaps.
 */
final class IngestSequence {
  private long next;
  private long[] lastOffsets;
  private long nextAtBegin;
  private long[] lastOffsetsAtBegin;
  private final List<Future<RecordMetadata>> sent = new ArrayList<>();

  /** Continues after {@code progress}, the latest committed (null: ingest's first run). */
  IngestSequence(IngestProgress progress, int partitions) {
    lastOffsets = new long[partitions];
    Arrays.fill(lastOffsets, -1);
    if (progress != null) {
      next = progress.getCommittedThrough() + 1;
      for (int p = 0; p < Math.min(partitions, progress.getLastOffsets().size()); p++) {
        lastOffsets[p] = progress.getLastOffsets().get(p);
      }
    }
    begin();
  }

  /** The sequence of the next raw article. */
  long next() {
    return next++;
  }

  /** A raw article was sent in the open transaction. */
  void sent(Future<RecordMetadata> metadata) {
    sent.add(metadata);
  }

  /**
   * The progress to commit with the open transaction, once everything sent is acknowledged (after a flush).
   * Throws a {@link KafkaException} when a send failed: the transaction must then be aborted.
   */
  IngestProgress progress() {
    for (Future<RecordMetadata> metadata : sent) {
      RecordMetadata written;
      try {
        written = metadata.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("interrupted while waiting for a raw article to be acknowledged", e);
      }
      lastOffsets[written.partition()] = Math.max(lastOffsets[written.partition()], written.offset());
    }
    sent.clear();
    List<Long> offsets = new ArrayList<>(lastOffsets.length);
    for (long offset : lastOffsets) {
      offsets.add(offset);
    }
    return new IngestProgress(next - 1, offsets);
  }

  /** The open transaction committed: its numbers are taken. */
  void committed() {
    begin();
  }

  /** The open transaction was aborted: its numbers are given back. */
  void aborted() {
    next = nextAtBegin;
    lastOffsets = lastOffsetsAtBegin.clone();
    sent.clear();
  }

  private void begin() {
    nextAtBegin = next;
    lastOffsetsAtBegin = lastOffsets.clone();
  }
}
