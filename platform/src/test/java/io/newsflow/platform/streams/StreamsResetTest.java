package io.newsflow.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class StreamsResetTest {
  @Test
  void internalTopicsAreTheChangelogsOfItsStoresAndItsRepartitionTopicsUnderTheApplicationId() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("words", Consumed.with(Serdes.String(), Serdes.String()))
        .repartition(Repartitioned.<String, String>as("words-by-key").withKeySerde(Serdes.String()).withValueSerde(Serdes.String()))
        .groupByKey(Grouped.as("grouped"))
        .count(Materialized.as(Stores.persistentKeyValueStore("word-counts")))
        .toStream()
        .to("counts", Produced.with(Serdes.String(), Serdes.Long()));
    Topology topology = builder.build();

    assertThat(StreamsReset.internalTopics(topology, "app-v2"))
        .containsExactly("app-v2-word-counts-changelog", "app-v2-words-by-key-repartition");
  }
}
