package io.newsflow.aggregate;

import io.newsflow.schemas.HeaderNames;
import io.newsflow.schemas.ProgressRecords;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Puts a shard's articles back into ingest's order, whatever the number of enriched partitions they crossed
 * (ADR 31): an article is released once every source partition has vouched for its sequence, by a later article
 * or by one of enrich's progress records (null value, passed to every shard). With one enriched partition that
 * is the partition's own order, so any partition count decides the same articles in the same order. Nothing
 * here waits on a clock: a silent upstream delays the merge, it never reorders it. Buffered articles and
 * each partition's progress live in changelogged stores, so a restarted task resumes the same merge.
 * Articles without a sequence (not written by ingest) pass through in arrival order.
 *
 * <p>Released articles go on to the assigner; those that {@link LateArticles} finds too far behind the latest
 * released one are marked late, judged in release order.
 */
final class SourceOrderProcessor implements Processor<String, EnrichedArticle, String, EnrichedArticle> {
  /** Prefix of the latest event time released per shard, in this processor's own progress store. */
  static final String LATEST_RELEASED = "latest-released/";
  /** Prefix of the sequence each source partition has vouched for, in the same store. */
  static final String VOUCHED = "vouched/";

  private final int partitions;
  private final LateArticles late;
  private KeyValueStore<String, Long> progress;
  private KeyValueStore<String, EnrichedArticle> buffer;
  private ProcessorContext<String, EnrichedArticle> context;
  private long[] vouched;
  /** The buffer's content in release order (its store keys sort by sequence). */
  private final TreeMap<String, EnrichedArticle> waiting = new TreeMap<>();

  SourceOrderProcessor(int partitions, LateArticles late) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    this.partitions = partitions;
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
    vouched = new long[partitions];
    Arrays.fill(vouched, -1);
    for (int p = 0; p < partitions; p++) {
      Long stored = progress.get(VOUCHED + p);
      if (stored != null) {
        vouched[p] = stored;
      }
    }
    try (KeyValueIterator<String, EnrichedArticle> restored = buffer.all()) {
      while (restored.hasNext()) {
        KeyValue<String, EnrichedArticle> next = restored.next();
        waiting.put(next.key, next.value);
      }
    }
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    Optional<SourcePosition> position = SourcePosition.from(record.headers());
    if (record.value() == null) {
      OptionalLong through = ProgressRecords.progress(record.headers());
      if (partitions > 1 && through.isPresent() && position.isPresent()) {
        vouch(position.get().partition(), through.getAsLong());
        releaseVouched();
      }
      return;   // a progress record, or a tombstone nobody should have written: nothing to assign
    }
    OptionalLong sequence = ProgressRecords.sequence(record.headers());
    if (partitions == 1 || sequence.isEmpty() || position.isEmpty()) {
      release(record.value(), record.headers());
      return;
    }
    SourcePosition at = position.get();
    String key = BufferKey.of(sequence.getAsLong(), at);
    buffer.put(key, record.value());
    waiting.put(key, record.value());
    // A partition's records reach this shard in their sequence order: this one vouches for those before it.
    vouch(at.partition(), sequence.getAsLong());
    releaseVouched();
  }

  private void vouch(int partition, long sequence) {
    if (partition < 0 || partition >= partitions) {
      throw new IllegalArgumentException("source partition " + partition + " outside 0.." + (partitions - 1)
          + ": the merge expects as many partitions as the enriched topic has (topic.partitions)");
    }
    if (sequence > vouched[partition]) {
      vouched[partition] = sequence;
      progress.put(VOUCHED + partition, sequence);
    }
  }

  private void releaseVouched() {
    long through = Arrays.stream(vouched).min().orElse(-1);
    while (!waiting.isEmpty()) {
      Map.Entry<String, EnrichedArticle> first = waiting.firstEntry();
      if (BufferKey.sequence(first.getKey()) > through) {
        return;
      }
      waiting.pollFirstEntry();
      buffer.delete(first.getKey());
      RecordHeaders headers = new RecordHeaders();
      BufferKey.position(first.getKey()).stamp(headers);
      // The buffer keeps the article, not its record's headers: the ingest time comes back from the article.
      Instant ingestedAt = first.getValue().getIngestedAt();
      if (ingestedAt != null) {
        headers.add(HeaderNames.INGESTED_AT, ingestedAt.toString().getBytes(StandardCharsets.UTF_8));
      }
      release(first.getValue(), headers);
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

  /** Buffer store keys: sequence, then source position, zero-padded so that key order is release order. */
  static final class BufferKey {
    private BufferKey() {}

    static String of(long sequence, SourcePosition at) {
      return String.format("%019d/%010d/%019d", sequence, at.partition(), at.offset());
    }

    static long sequence(String key) {
      return Long.parseLong(key.substring(0, 19));
    }

    static SourcePosition position(String key) {
      return new SourcePosition(Integer.parseInt(key.substring(20, 30)), Long.parseLong(key.substring(31)));
    }
  }
}
