package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

/**
 * RawArticle gained {@code revision}: records written before must still read, and old readers must still read new
 * ones. The version before is the one published then ({@code published/RawArticle-1.avsc}, from git history).
 */
class RawArticleEvolutionTest {
  private static final Schema CURRENT = RawArticle.getClassSchema();
  private static final Schema BEFORE_REVISION = PublishedSchemasEvolutionTest.published("RawArticle-1.avsc");

  @Test
  void schemaWithRevisionIsBackwardAndForwardCompatibleWithTheOneBefore() {
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(CURRENT, BEFORE_REVISION).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(BEFORE_REVISION, CURRENT).getType())
        .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
  }

  @Test
  void recordWrittenBeforeRevisionsReadsAsRevisionOne() throws IOException {
    GenericRecord old = new GenericData.Record(BEFORE_REVISION);
    old.put("articleId", "a-1");
    old.put("source", "bbc");
    old.put("title", "T");
    old.put("body", "B");
    old.put("bodyFormat", new GenericData.EnumSymbol(BEFORE_REVISION.getField("bodyFormat").schema(), "TEXT"));
    old.put("ingestedAt", Instant.parse("2025-01-15T08:00:00Z").toEpochMilli());
    old.put("origin", "bbc/1.txt:1");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(BEFORE_REVISION).write(old, encoder);
    encoder.flush();

    GenericRecord read = new GenericDatumReader<GenericRecord>(BEFORE_REVISION, CURRENT)
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

    assertThat(read.get("revision")).isEqualTo(1);
    assertThat(read.get("title")).hasToString("T");
  }
}
