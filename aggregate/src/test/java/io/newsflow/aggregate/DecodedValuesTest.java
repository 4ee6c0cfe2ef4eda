package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecodedValuesTest {
  KeyValueStore<String, Long> store;

  @BeforeEach
  void openStore() {
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Long())
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
  }

  @Test
  void writesGoThroughToTheStoreAndAreReadBackAtOnce() {
    DecodedValues<Long> values = new DecodedValues<>(store, 10);
    values.put("a", 1L);
    values.put("a", 2L);

    assertThat(values.get("a")).isEqualTo(2L);
    assertThat(store.get("a")).isEqualTo(2L);
  }

  @Test
  void aKnownAbsenceGivesWayToTheNextWrite() {
    DecodedValues<Long> values = new DecodedValues<>(store, 10);
    assertThat(values.get("a")).isNull();

    values.put("a", 7L);

    assertThat(values.get("a")).isEqualTo(7L);
  }

  @Test
  void readsValuesAlreadyInTheStore() {
    store.put("restored", 5L);

    assertThat(new DecodedValues<>(store, 10).get("restored")).isEqualTo(5L);
  }

  @Test
  void keepsOnlyTheMostRecentlyUsedKeys() {
    DecodedValues<Long> values = new DecodedValues<>(store, 2);
    values.put("a", 1L);
    values.put("b", 2L);
    values.get("a");
    values.put("c", 3L);
    // Changed behind its back: only a key it no longer holds is read from the store again.
    store.put("a", 10L);
    store.put("b", 20L);

    assertThat(values.get("a")).isEqualTo(1L);
    assertThat(values.get("b")).isEqualTo(20L);
  }
}
