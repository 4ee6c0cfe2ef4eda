package io.newsflow.aggregate;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the records of several source partitions into one deterministic order. Each partition's
 * own order is kept; across partitions the next record is the least (by {@code order}) of the
 * partitions' heads, and it is taken only when every partition has a head, so the result depends
 * on what each partition holds and never on how their records happened to interleave in transit.
 * A partition with nothing buffered stops the merge until it delivers, or until it has been silent
 * for the idle time both since its last record and since the waiting record arrived (so a partition
 * that was quiet for long still gets its chance when traffic resumes): Kafka Streams' own
 * {@code max.task.idle.ms} rule. When the {@link SourceBacklog} knows that the partition still has
 * records upstream, the merge waits for them up to the stall time instead. Only a stall beyond that,
 * or a backlog the idle time does not cover, lets timing change the order.
 *
 * @param <T> the buffered record
 */
final class PartitionMerge<T> {
  /** A buffered record, where it came from and when it arrived. */
  record Entry<T>(int partition, long offset, T item, long arrivedMs) {}

  private final List<ArrayDeque<Entry<T>>> queues = new ArrayList<>();
  private final long[] lastArrival;
  private final long maxIdleMs;
  private final long maxStallMs;
  private final SourceBacklog backlog;
  private final Comparator<Entry<T>> order;

  PartitionMerge(int partitions, Duration maxIdle, Comparator<T> order, long nowMs) {
    this(partitions, new SourceOrdering(maxIdle, maxIdle, SourceBacklog.UNKNOWN), order, nowMs);
  }

  PartitionMerge(int partitions, SourceOrdering ordering, Comparator<T> order, long nowMs) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
    for (int p = 0; p < partitions; p++) {
      queues.add(new ArrayDeque<>());
    }
    this.lastArrival = new long[partitions];
    Arrays.fill(lastArrival, nowMs);
    this.maxIdleMs = ordering.maxIdle().toMillis();
    this.maxStallMs = ordering.maxStall().toMillis();
    this.backlog = ordering.backlog();
    Comparator<Entry<T>> byItem = Comparator.comparing(Entry::item, order);
    this.order = byItem.thenComparingInt(Entry::partition);
  }

  int partitions() {
    return queues.size();
  }

  /** Buffers {@code item}, the record at {@code offset} of {@code partition}, which arrived at {@code nowMs}. */
  void add(int partition, long offset, T item, long nowMs) {
    if (partition < 0 || partition >= queues.size()) {
      throw new IllegalArgumentException("source partition " + partition + " outside 0.." + (queues.size() - 1)
          + ": the merge expects as many partitions as the enriched topic has (topic.partitions)");
    }
    queues.get(partition).addLast(new Entry<>(partition, offset, item, nowMs));
    lastArrival[partition] = nowMs;
  }

  /** The records that can be released at {@code nowMs}, in merge order, removed from the buffer. */
  List<Entry<T>> drain(long nowMs) {
    List<Entry<T>> released = new ArrayList<>();
    while (true) {
      Entry<T> next = null;
      for (ArrayDeque<Entry<T>> queue : queues) {
        Entry<T> head = queue.peekFirst();
        if (head != null && (next == null || order.compare(head, next) < 0)) {
          next = head;
        }
      }
      if (next == null) {
        return released;
      }
      for (int p = 0; p < queues.size(); p++) {
        if (queues.get(p).isEmpty() && mayStillDeliver(p, next, nowMs)) {
          return released;   // this partition may still deliver something that comes first
        }
      }
      queues.get(next.partition()).removeFirst();
      released.add(next);
    }
  }

  private boolean mayStillDeliver(int partition, Entry<T> waiting, long nowMs) {
    if (backlog.pending(partition)) {
      return nowMs - waiting.arrivedMs() < maxStallMs;
    }
    return nowMs - Math.max(lastArrival[partition], waiting.arrivedMs()) < maxIdleMs;
  }

  int buffered() {
    return queues.stream().mapToInt(ArrayDeque::size).sum();
  }
}
