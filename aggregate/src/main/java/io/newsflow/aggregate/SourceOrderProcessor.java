package io.newsflow.aggregate;

import io.newsflow.schemas.HeaderNames;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
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
 * records pass straight through. Released articles go on to the assigner, those that {@link LateArticles}
 * finds too far behind the latest released one marked late: judged in release order, never on arrival,
 * whose timing differs between runs.
 */
final class SourceOrderProcessor implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
  /** Prefix of the latest event time released per shard, in this processor's own progress store. */
  static final String LATEST_RELEASED = "latest-released/";
  static final Comparator<EnrichedArticle> EVENT_ORDER =
      Comparator.comparing(EnrichedArticle::getEventTime).thenComparing(EnrichedArticle::getArticleId);

  private final int partitions;
  private final SourceOrdering ordering;
  private final LateArticles late;
  private KeyValueStore<String, Long> progress;
  private ProcessorContext<String, EnrichedArticle> context;
  private KeyValueStore<String, EnrichedArticle> buffer;
  private PartitionMerge<EnrichedArticle> merge;

  SourceOrderProcessor(int partitions, SourceOrdering ordering, LateArticles late) {
    this.partitions = partitions;
    this.ordering = ordering;
    this.late = late;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedArticle> context) {
    this.context = context;
    this.progress = context.getStateStore(StoryStores.SOURCE_ORDER_PROGRESS);
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
    Optional<SourcePosition> position = SourcePosition.from(record.headers());
    if (merge == null || position.isEmpty()) {
      release(record.value(), record.headers());
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
      // The buffer keeps the article, not its record's headers: the ingest time comes back from the article.
      Instant ingestedAt = entry.item().getIngestedAt();
      if (ingestedAt != null) {
        headers.add(HeaderNames.INGESTED_AT, ingestedAt.toString().getBytes(StandardCharsets.UTF_8));
      }
      release(entry.item(), headers);
    }
  }

  private void release(EnrichedArticle article, Headers headers) {
    String shard = ShardKey.of(article);
    long time = article.getEventTime().toEpochMilli();
    // Per shard, like the stories: a shard's verdicts must not depend on which shards share its task.
    String latestKey = LATEST_RELEASED + shard;
    Long latest = progress.get(latestKey);
    if (late.isLate(article, latest)) {
      // A copy: the input record's headers are not this processor's to change, and most articles are not late.
      headers = new RecordHeaders(headers.toArray());
      LateArticles.mark(headers);
    } else if (latest == null || time > latest) {
      progress.put(latestKey, time);
    }
    context.forward(new Record<>(shard, article, time, headers));
  }
}
