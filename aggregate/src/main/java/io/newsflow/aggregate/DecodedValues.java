package io.newsflow.aggregate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A state store with its most recently used values kept decoded: every article reads a few dozen
 * postings lists, term counts and whole story states, and decoding them again on every read was
 * most of the assigner's time. Writes go through to the store at once, so the store stays the
 * truth and this only saves decoding. Known absences are kept too (most keys of a new article
 * were never indexed). Must be created anew whenever the task (re)initialises its processor, as
 * the store may have been restored from its changelog meanwhile. Callers must not mutate values.
 */
final class DecodedValues<V> {
  private final KeyValueStore<String, V> store;
  private final Map<String, Optional<V>> recent;

  DecodedValues(KeyValueStore<String, V> store, int capacity) {
    this.store = store;
    this.recent = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Optional<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The value under {@code key}, or null. */
  V get(String key) {
    Optional<V> known = recent.get(key);
    if (known == null) {
      known = Optional.ofNullable(store.get(key));
      recent.put(key, known);
    }
    return known.orElse(null);
  }

  void put(String key, V value) {
    store.put(key, value);
    recent.put(key, Optional.of(value));
  }

  void delete(String key) {
    store.delete(key);
    recent.put(key, Optional.empty());
  }
}
