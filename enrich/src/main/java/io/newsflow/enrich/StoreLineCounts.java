package io.newsflow.enrich;

import io.newsflow.enrich.text.LineCounts;
import org.apache.kafka.streams.state.KeyValueStore;

/** {@link LineCounts} kept in a Kafka Streams store, so what was learned survives restarts (changelogged). */
final class StoreLineCounts implements LineCounts {
  private final KeyValueStore<String, Long> store;

  StoreLineCounts(KeyValueStore<String, Long> store) {
    this.store = store;
  }

  @Override
  public long get(String key) {
    Long count = store.get(key);
    return count == null ? 0 : count;
  }

  @Override
  public void increment(String key) {
    store.put(key, get(key) + 1);
  }
}
