package io.newsflow.schemas.serde;

import io.newsflow.schemas.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a generated Avro record as magic byte, schema id and Avro binary. */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {
  static {
    AvroTrust.trustGeneratedClasses();
  }

  private final SchemaRegistry registry;
  private final String subjectSuffix;
  private final Map<String, Integer> idsBySubject = new ConcurrentHashMap<>();
  private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();

  public AvroSerializer(SchemaRegistry registry, boolean isKey) {
    this.registry = registry;
    this.subjectSuffix = isKey ? "-key" : "-value";
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    Schema schema = record.getSchema();
    String subject = topic + subjectSuffix;
    // Each generated class has one schema, so subject plus record name keys the id cache.
    int id = idsBySubject.computeIfAbsent(subject + "\u0000" + schema.getFullName(),
        s -> registry.register(subject, schema));
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write(WireFormat.MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      writers.computeIfAbsent(schema, SpecificDatumWriter::new).write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot write " + schema.getName() + " for topic " + topic + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
