package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  private final AvroSerde<RawArticle> serde = AvroSerde.forValues(registry, RawArticle.class);

  static RawArticle article() {
    return RawArticle.newBuilder()
        .setArticleId("a1").setSource("wire").setTitle("Title").setBody("Body text")
        .setBodyFormat(BodyFormat.TEXT).setIngestedAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .setPublishedAt(Instant.ofEpochMilli(1_699_999_000_000L)).setOrigin("test").build();
  }

  @Test
  void writesMagicByteSchemaIdAndPlainAvroBody() throws Exception {
    byte[] bytes = serde.serializer().serialize("news.articles.raw", article());

    assertThat(bytes[0]).isEqualTo((byte) 0);
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    Schema registered = registry.schemaById(id);
    assertThat(registered).isEqualTo(RawArticle.getClassSchema());
    // Decode the body with Avro's generic reader alone: no project code involved.
    GenericRecord generic = new GenericDatumReader<GenericRecord>(registered)
        .read(null, DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(bytes, 5, bytes.length), null));
    assertThat(generic.get("articleId").toString()).isEqualTo("a1");
    assertThat(generic.get("publishedAt")).isEqualTo(1_699_999_000_000L);
  }

  @Test
  void roundTrips() {
    byte[] bytes = serde.serializer().serialize("t", article());
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(article());
  }

  @Test
  void readsRecordsWrittenWithAnOlderSchemaThatLacksOptionalFields() throws Exception {
    Schema old = new Schema.Parser().parse("""
        {"type":"record","name":"RawArticle","namespace":"io.newsflow.schemas.avro","fields":[
          {"name":"articleId","type":"string"},{"name":"source","type":"string"},
          {"name":"title","type":"string"},{"name":"body","type":"string"},
          {"name":"ingestedAt","type":{"type":"long","logicalType":"timestamp-millis"}},
          {"name":"origin","type":"string"}]}""");
    int id = registry.register("t-value", old);
    GenericData.Record rec = new GenericData.Record(old);
    rec.put("articleId", "old1"); rec.put("source", "s"); rec.put("title", "T"); rec.put("body", "B");
    rec.put("ingestedAt", 5L); rec.put("origin", "o");
    var out = new java.io.ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    var enc = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
    new org.apache.avro.generic.GenericDatumWriter<GenericRecord>(old).write(rec, enc);
    enc.flush();

    RawArticle read = serde.deserializer().deserialize("t", out.toByteArray());

    assertThat(read.getArticleId()).isEqualTo("old1");
    assertThat(read.getUrl()).isNull();
    assertThat(read.getBodyFormat()).isEqualTo(BodyFormat.TEXT);
  }

  @Test
  void rejectsWrongMagicByte() {
    byte[] bytes = serde.serializer().serialize("t", article());
    bytes[0] = 1;
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte")
        .extracting(e -> ((UnreadableRecordException) e).reason()).isEqualTo(UnreadableRecordException.NOT_WIRE_FORMAT);
  }

  @Test
  void rejectsTruncatedRecords() {
    byte[] bytes = serde.serializer().serialize("t", article());
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", Arrays.copyOf(bytes, bytes.length - 4)))
        .isInstanceOf(SerializationException.class).hasMessageContaining("not valid RawArticle")
        .extracting(e -> ((UnreadableRecordException) e).reason()).isEqualTo(UnreadableRecordException.MALFORMED_AVRO);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("shorter than")
        .extracting(e -> ((UnreadableRecordException) e).reason()).isEqualTo(UnreadableRecordException.NOT_WIRE_FORMAT);
  }

  @Test
  void rejectsUnknownSchemaIds() {
    byte[] bytes = serde.serializer().serialize("t", article());
    ByteBuffer.wrap(bytes).put(1, (byte) 0x7f);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id")
        .extracting(e -> ((UnreadableRecordException) e).reason()).isEqualTo(UnreadableRecordException.UNKNOWN_SCHEMA);
  }

  @Test
  void aStringLongerThanJavaArraysIsMalformedAvroNotAnEscapedException() {
    // Magic byte, the id of RawArticle, then articleId claiming 2^31 bytes (zig-zag varint): Avro throws
    // UnsupportedOperationException for it, which Jazzer found escaping the deserializer.
    int id = registry.register("t-value", RawArticle.getClassSchema());
    byte[] bytes = {0, 0, 0, 0, (byte) id, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x10};

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(UnreadableRecordException.class)
        .hasRootCauseInstanceOf(UnsupportedOperationException.class)
        .extracting(e -> ((UnreadableRecordException) e).reason()).isEqualTo(UnreadableRecordException.MALFORMED_AVRO);
  }

  @Test
  void aLengthBeyondTheRecordIsRejectedWithoutAllocatingIt() {
    // articleId claiming 100 MiB in a record of ten bytes: Avro 1.12 checks the bytes available first
    int id = registry.register("t-value", RawArticle.getClassSchema());
    byte[] bytes = {0, 0, 0, 0, (byte) id, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x64};

    assertThatThrownBy(() -> serde.deserializer().deserialize("t", bytes))
        .isInstanceOf(UnreadableRecordException.class)
        .hasMessageContaining("bytes are available");
  }
}
