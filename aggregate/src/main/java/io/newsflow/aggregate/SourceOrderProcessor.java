package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.platform.streams.RejectedRecordException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts a shard's articles back into an order that does not depend on how the enriched partitions'
 * tasks interleaved their writes into the shard repartition: a {@link PartitionMerge} by event time,
 * then article id. Buffered articles live in a changelogged store, so a crash loses none and a
 * restarted task resumes the same merge. With one enriched partition there is nothing to merge and
 * records pass straight through.
 */
final class SourceOrderProcessor implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
  static final Comparator<EnrichedArticle> EVENT_ORDER =
      Comparator.comparing(EnrichedArticle::getEventTime).thenComparing(EnrichedArticle::getArticleId);

  private final int partitions;
  private final SourceOrdering ordering;
  private final Duration lateGrace;
  private KeyValueStore<String, Long> progress;
  private ProcessorContext<String, EnrichedArticle> context;
  private KeyValueStore<String, EnrichedArticle> buffer;
  private PartitionMerge<EnrichedArticle> merge;

  SourceOrderProcessor(int partitions, SourceOrdering ordering, Duration lateGrace) {
    this.partitions = partitions;
    this.ordering = ordering;
    this.lateGrace = lateGrace;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.progress = context.getStateStore(StoryStores.TERM_STATISTICS);
    if (partitions == 1) {
      return;
    }
    this.buffer = context.getStateStore(StoryStores.SOURCE_ORDER_BUFFER);
    long now = context.currentSystemTimeMs();
    this.merge = new PartitionMerge<>(partitions, ordering, EVENT_ORDER, now);
    try (KeyValueIterator<String, EnrichedArticle> restored = buffer.all()) {
      while (restored.hasNext()) {
        KeyValue<String, EnrichedArticle> next = restored.next();
        SourcePosition position = SourcePosition.fromStoreKey(next.key);
        merge.add(position.partition(), position.offset(), next.value, now);
      }
    }
    Duration check = Duration.ofMillis(Math.max(50, Math.min(500, ordering.maxIdle().toMillis() / 2)));
    context.schedule(check, PunctuationType.WALL_CLOCK_TIME, this::release);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    // Judged here, on arrival, so that the dead letter carries this record's bytes: an exception thrown
    // downstream of a release would be charged to whichever record happened to arrive.
    rejectIfLate(record.value());
    Optional<SourcePosition> position = SourcePosition.from(record.headers());
    if (merge == null || position.isEmpty()) {
      released(record.value());
      context.forward(record);
      return;
    }
    SourcePosition at = position.get();
    buffer.put(at.storeKey(), record.value());
    merge.add(at.partition(), at.offset(), record.value(), context.currentSystemTimeMs());
    release(context.currentSystemTimeMs());
  }

  private void release(long now) {
    for (PartitionMerge.Entry<EnrichedArticle> entry : merge.drain(now)) {
      SourcePosition at = new SourcePosition(entry.partition(), entry.offset());
      buffer.delete(at.storeKey());
      RecordHeaders headers = new RecordHeaders();
      at.stamp(headers);
      EnrichedArticle article = entry.item();
      released(article);
      context.forward(new Record<>(ShardKey.of(article), article, article.getEventTime().toEpochMilli(), headers));
    }
  }

  /** An article more than the late grace behind the latest article released to the assigner. */
  private void rejectIfLate(EnrichedArticle article) {
    Long latest = progress.get(StoryAssignmentProcessor.LATEST_DECIDED);
    long time = article.getEventTime().toEpochMilli();
    if (latest != null && latest - time > lateGrace.toMillis()) {
      throw new RejectedRecordException(StoryAssignmentProcessor.LATE_ARTICLE, "article " + article.getArticleId()
          + " published " + article.getEventTime() + " is more than " + lateGrace + " behind stream time "
          + Instant.ofEpochMilli(latest));
    }
  }

  private void released(EnrichedArticle article) {
    long time = article.getEventTime().toEpochMilli();
    Long latest = progress.get(StoryAssignmentProcessor.LATEST_DECIDED);
    if (latest == null || time > latest) {
      progress.put(StoryAssignmentProcessor.LATEST_DECIDED, time);
    }
  }
}
