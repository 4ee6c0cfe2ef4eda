package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.avro.StoryStatus;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoryActivityTest {
  static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

  KeyValueStore<String, String> store;
  StoryActivity activity;

  @BeforeEach
  void openStore() {
    MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("activity"), Serdes.String(), Serdes.String())
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    activity = new StoryActivity(store);
  }

  static StoryState story(String id, Instant updatedAt, StoryStatus status) {
    StorySnapshot snapshot = StorySnapshot.newBuilder()
        .setStoryId(id).setHeadline("h").setStatus(status).setLanguage("en")
        .setStartedAt(T0).setUpdatedAt(updatedAt).setVersion(1)
        .setArticles(List.of()).setSources(List.of()).setEntities(List.of()).build();
    return new StoryState(snapshot, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void findsExactlyTheStoriesUpdatedAtOrBeforeTheTimeInIdOrder() {
    activity.update(null, story("s-c", T0, StoryStatus.ACTIVE));
    activity.update(null, story("s-a", T0.plusMillis(1), StoryStatus.ACTIVE));
    activity.update(null, story("s-b", T0.minusSeconds(3600), StoryStatus.ACTIVE));
    activity.update(null, story("s-d", T0.plusMillis(2), StoryStatus.ACTIVE));

    assertThat(activity.updatedAtOrBefore(T0.plusMillis(1).toEpochMilli())).containsExactly("s-a", "s-b", "s-c");
    assertThat(activity.updatedAtOrBefore(T0.minusMillis(1).toEpochMilli())).containsExactly("s-b");
    assertThat(activity.updatedAtOrBefore(T0.minusSeconds(7200).toEpochMilli())).isEmpty();
    assertThat(activity.count()).isEqualTo(4);
  }

  @Test
  void anUpdatedStoryMovesToItsNewTimeAndAClosedOneLeaves() {
    StoryState first = story("s-a", T0, StoryStatus.ACTIVE);
    StoryState later = story("s-a", T0.plusSeconds(60), StoryStatus.ACTIVE);
    activity.update(null, first);
    activity.update(first, later);

    assertThat(activity.updatedAtOrBefore(T0.plusSeconds(59).toEpochMilli())).isEmpty();
    assertThat(activity.updatedAtOrBefore(T0.plusSeconds(60).toEpochMilli())).containsExactly("s-a");
    assertThat(activity.count()).isEqualTo(1);

    activity.update(later, story("s-a", T0.plusSeconds(60), StoryStatus.CLOSED));

    assertThat(activity.updatedAtOrBefore(T0.plusSeconds(60).toEpochMilli())).isEmpty();
    assertThat(activity.count()).isZero();
    assertThat(store.approximateNumEntries()).isZero();
  }

  @Test
  void aStoryWrittenAgainAtTheSameTimeKeepsOneEntry() {
    StoryState story = story("s-a", T0, StoryStatus.ACTIVE);
    activity.update(null, story);
    activity.update(story, story("s-a", T0, StoryStatus.ACTIVE));

    assertThat(activity.count()).isEqualTo(1);
  }

  @Test
  void timeKeysSortInTimeOrderOnBothSidesOfTheEpoch() {
    List<Long> times = List.of(Long.MIN_VALUE, -86_400_000L, -1L, 0L, 1L, T0.toEpochMilli(), Long.MAX_VALUE);
    List<String> keys = times.stream().map(StoryActivity::time).toList();

    assertThat(keys).isSorted().doesNotHaveDuplicates();
    assertThat(keys).allSatisfy(key -> assertThat(key).hasSize(20).containsOnlyDigits());
  }
}
