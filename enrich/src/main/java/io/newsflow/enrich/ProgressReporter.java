package io.newsflow.enrich;

import io.newsflow.schemas.ProgressRecords;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.internal.IngestProgress;
import java.time.Duration;
import java.util.ArrayDeque;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Tells the aggregate how far this task's enriched partition is complete in ingest's sequence (ADR 31).
 * Ingest's progress records say, per commit, the sequence committed through and the last raw offset it had
 * written to each partition; once this task has processed its raw partition up to that offset, every article
 * of the partition up to that sequence has been enriched and written ahead of what comes next. It then writes
 * a progress record (null value) to the same enriched partition. Passes raw articles through unchanged,
 * counting them as processed before they are enriched: one that then fails becomes a dead letter, which
 * counts too. Checked on a wall-clock punctuation, which changes only how soon the aggregate hears, never what.
 */
final class ProgressReporter implements Processor<String, RawArticle, String, RawArticle> {
  static final Duration INTERVAL = Duration.ofMillis(100);
  /** Ingest progresses not yet reached, oldest first; bounded, the oldest dropped (progress only gets coarser). */
  private static final int MAX_PENDING = 1_000;

  private final String progressStore;
  private final String processedStore;
  private ProcessorContext<String, RawArticle> context;
  private TimestampedKeyValueStore<String, IngestProgress> ingestProgress;
  private KeyValueStore<Integer, Long> processed;
  private int partition;
  private long lastTimestamp = -1;
  private long reported = -1;
  /** (sequence, last raw offset of this partition) of ingest progresses seen but not yet reached. */
  private final ArrayDeque<long[]> pending = new ArrayDeque<>();

  ProgressReporter(String progressStore, String processedStore) {
    this.progressStore = progressStore;
    this.processedStore = processedStore;
  }

  @Override
  public void init(ProcessorContext<String, RawArticle> context) {
    this.context = context;
    this.ingestProgress = context.getStateStore(progressStore);
    this.processed = context.getStateStore(processedStore);
    this.partition = context.taskId().partition();
    context.schedule(INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> report());
  }

  @Override
  public void process(Record<String, RawArticle> record) {
    // Written with every record, not at punctuation: after a crash the store must match the committed offsets.
    context.recordMetadata().ifPresent(m -> processed.put(m.partition(), m.offset()));
    lastTimestamp = Math.max(lastTimestamp, record.timestamp());
    context.forward(record);
  }

  private void report() {
    ValueAndTimestamp<IngestProgress> latest = ingestProgress.get(ProgressRecords.INGEST_PROGRESS_KEY);
    if (latest != null) {
      note(latest.value());
      if (lastTimestamp < 0) {
        lastTimestamp = latest.timestamp();
      }
    }
    Long through = processed.get(partition);
    long offset = through == null ? -1 : through;
    long reached = -1;
    while (!pending.isEmpty() && pending.peekFirst()[1] <= offset) {
      reached = pending.pollFirst()[0];
    }
    if (reached > reported) {
      reported = reached;
      RecordHeaders headers = new RecordHeaders();
      ProgressRecords.stamp(headers, reached);
      context.forward(new Record<String, RawArticle>(ProgressRecords.key(partition), null,
          Math.max(0, lastTimestamp), headers));
    }
  }

  private void note(IngestProgress progress) {
    long sequence = progress.getCommittedThrough();
    if (sequence <= reported || (!pending.isEmpty() && sequence <= pending.peekLast()[0])) {
      return;
    }
    long lastOffset = partition < progress.getLastOffsets().size() ? progress.getLastOffsets().get(partition) : -1;
    if (!pending.isEmpty() && pending.peekLast()[1] == lastOffset) {
      pending.pollLast();   // nothing new in this partition since: the later sequence needs no more
    }
    pending.addLast(new long[] {sequence, lastOffset});
    if (pending.size() > MAX_PENDING) {
      pending.pollFirst();
    }
  }
}
