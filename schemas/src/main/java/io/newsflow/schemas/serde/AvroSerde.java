package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.SchemaRegistry;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro serde for generated classes in the Confluent wire format, with subjects named by topic
 * ({@code <topic>-key} / {@code <topic>-value}). Schemas are registered on first use.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  private AvroSerde(SchemaRegistry registry, Class<T> type, boolean isKey) {
    this.serializer = new AvroSerializer<>(registry, isKey);
    this.deserializer = new AvroDeserializer<>(registry, type);
  }

  public static <T extends SpecificRecord> AvroSerde<T> forValues(SchemaRegistry registry, Class<T> type) {
    return new AvroSerde<>(registry, type, false);
  }

  public static <T extends SpecificRecord> AvroSerde<T> forKeys(SchemaRegistry registry, Class<T> type) {
    return new AvroSerde<>(registry, type, true);
  }

  /** The schema of the generated class: what this serde writes and reads into. */
  public Schema schema() {
    return deserializer.readerSchema();
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
