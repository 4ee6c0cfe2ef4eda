package io.newsflow.app.bench;

import io.newsflow.schemas.Topic;
import io.newsflow.schemas.avro.RawArticle;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Raw articles copied to another topic through the raw topic's own serdes: Kafka Streams' limit for
 * these records and settings, the reference every stage of {@code newsflow bench} is compared with.
 */
public final class PassThroughTopology {
  private PassThroughTopology() {}

  static Topology build(Topic<String, RawArticle> in, String out) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde()).withName("raw-source"))
        .to(out, Produced.with(in.keySerde(), in.valueSerde()).withName("copy-sink"));
    return builder.build();
  }
}
