package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.SchemaRegistry;
import io.newsflow.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format into a generated class, resolving the writer's schema (looked up
 * by id) against the class's own schema, so records written with an older compatible schema still read.
 * Bad bytes throw {@link UnreadableRecordException} and nothing else; a registry that cannot be
 * reached throws a plain {@link SerializationException}, as the record itself may be fine.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
  static {
    AvroTrust.trustGeneratedClasses();
  }

  private final SchemaRegistry registry;
  private final Schema readerSchema;
  private final SpecificData data;
  private final Map<Integer, SpecificDatumReader<T>> readersById = new ConcurrentHashMap<>();

  public AvroDeserializer(SchemaRegistry registry, Class<T> type) {
    this.registry = registry;
    this.data = SpecificData.getForClass(type);
    this.readerSchema = data.getSchema(type);
  }

  /** The generated class's schema, which records are resolved into. */
  public Schema readerSchema() {
    return readerSchema;
  }

  @Override
  public T deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int id = WireFormat.readSchemaId(buffer, topic);
    SpecificDatumReader<T> reader;
    try {
      reader = readersById.computeIfAbsent(id, this::readerFor);
    } catch (SchemaRegistryException e) {
      String message = "record on topic " + topic + " has schema id " + id + " that the registry cannot give: " + e.getMessage();
      if (e.status() == 404) {
        throw new UnreadableRecordException(UnreadableRecordException.UNKNOWN_SCHEMA, message, e);
      }
      // The registry is down or failing: the record may be fine, so this is no verdict on it.
      throw new SerializationException(message, e);
    }
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(
        bytes, buffer.position(), buffer.remaining(), null);
    T record;
    boolean trailing;
    try {
      record = reader.read(null, decoder);
      trailing = !decoder.isEnd();
    } catch (IOException | RuntimeException e) {
      // Decoding only reads these bytes, so whatever it throws is a verdict on them (Avro throws
      // UnsupportedOperationException for over-long strings, ClassCastException and others for damage).
      throw new UnreadableRecordException(UnreadableRecordException.MALFORMED_AVRO, "record on topic " + topic
          + " (schema id " + id + ") is not valid " + readerSchema.getName() + " Avro: " + e, e);
    }
    if (trailing) {
      throw new UnreadableRecordException(UnreadableRecordException.MALFORMED_AVRO,
          "record on topic " + topic + " has trailing bytes after the Avro body");
    }
    return record;
  }

  private SpecificDatumReader<T> readerFor(int id) {
    Schema writer = registry.schemaById(id);
    return new SpecificDatumReader<>(writer, readerSchema, data);
  }
}
