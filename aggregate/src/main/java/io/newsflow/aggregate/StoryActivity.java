package io.newsflow.aggregate;

import io.newsflow.schemas.avro.StoryStatus;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Active stories by their last update in event time: one entry per active story, keyed by the
 * update time (fixed width, so the key order is time order) and the story id. Closing idle stories
 * then reads only the range of those idle long enough, instead of decoding every story ever made.
 */
final class StoryActivity {
  /** Digits of an unsigned long: every time key has the same width. */
  private static final int TIME_DIGITS = 20;

  private final KeyValueStore<String, String> store;

  StoryActivity(KeyValueStore<String, String> store) {
    this.store = store;
  }

  /** Keeps the entry of a story in step with its new state; {@code before} is its previous state, or null. */
  void update(StoryState before, StoryState after) {
    String storyId = after.getSnapshot().getStoryId();
    String old = isActive(before) ? key(before, storyId) : null;
    String now = isActive(after) ? key(after, storyId) : null;
    if (old != null && !old.equals(now)) {
      store.delete(old);
    }
    if (now != null && !now.equals(old)) {
      store.put(now, storyId);
    }
  }

  /** Drops the entry of a story that is being forgotten; {@code state} is its last state. */
  void remove(StoryState state) {
    if (isActive(state)) {
      store.delete(key(state, state.getSnapshot().getStoryId()));
    }
  }

  /** Ids of the active stories last updated at or before {@code epochMillis}, in id order. */
  List<String> updatedAtOrBefore(long epochMillis) {
    List<String> ids = new ArrayList<>();
    // The bare time key of the next millisecond sorts after every key of this one and is never stored.
    try (KeyValueIterator<String, String> idle = store.range(time(Long.MIN_VALUE), time(epochMillis + 1))) {
      idle.forEachRemaining(entry -> ids.add(entry.value));
    }
    ids.sort(null);
    return ids;
  }

  /** Active stories indexed. */
  long count() {
    long count = 0;
    try (KeyValueIterator<String, String> all = store.all()) {
      while (all.hasNext()) {
        all.next();
        count++;
      }
    }
    return count;
  }

  private static boolean isActive(StoryState state) {
    return state != null && state.getSnapshot().getStatus() == StoryStatus.ACTIVE;
  }

  private static String key(StoryState state, String storyId) {
    return time(state.getSnapshot().getUpdatedAt().toEpochMilli()) + "/" + storyId;
  }

  /** Epoch millis with the sign bit flipped, as unsigned decimal digits: string order is time order, before 1970 too. */
  static String time(long epochMillis) {
    String digits = Long.toUnsignedString(epochMillis ^ Long.MIN_VALUE);
    return "0".repeat(TIME_DIGITS - digits.length()) + digits;
  }
}
