package io.newsflow.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.serde.AvroSerde;
import io.newsflow.schemas.serde.UnreadableRecordException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterHandlerTest {
  final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
  final DeadLetterHandler handler = new DeadLetterHandler();

  DeadLetterHandlerTest() {
    handler.configure(Map.of(DeadLetterHandler.STAGE, "enrich", DeadLetterHandler.TOPIC, "dead",
        DeadLetterHandler.REGISTRY, registry));
  }

  DeadLetter decode(ProducerRecord<byte[], byte[]> record) {
    return AvroSerde.forValues(registry, DeadLetter.class).deserializer().deserialize("dead", record.value());
  }

  static ErrorHandlerContext context(byte[] key, byte[] value) {
    return new ErrorHandlerContext() {
      public String topic() { return "raw"; }
      public int partition() { return 2; }
      public long offset() { return 41; }
      public org.apache.kafka.common.header.Headers headers() { return new RecordHeaders(); }
      public String processorNodeId() { return "enrich-article"; }
      public TaskId taskId() { return new TaskId(0, 2); }
      public long timestamp() { return 1_700_000_000_000L; }
      public byte[] sourceRawKey() { return key; }
      public byte[] sourceRawValue() { return value; }
    };
  }

  @Test
  void aPipelinesOwnCountIsReadFromItsRegistryNotFromTheJvmWideCount() {
    SimpleMeterRegistry earlierRun = new SimpleMeterRegistry();
    SimpleMeterRegistry thisRun = new SimpleMeterRegistry();
    DeadLetterHandler.routed(Map.of(DeadLetterHandler.METERS, earlierRun), "enrich", "no-text", "raw-0@1", "empty");
    DeadLetterHandler.routed(Map.of(DeadLetterHandler.METERS, thisRun), "aggregate", "bad", "enriched-0@2", "x");
    DeadLetterHandler.routed(Map.of(DeadLetterHandler.METERS, thisRun), "aggregate", "bad", "enriched-0@3", "x");
    DeadLetterHandler.routed(Map.of(DeadLetterHandler.METERS, thisRun), "ingest", "no-body", "file.txt", "x");

    assertThat(DeadLetterHandler.count(thisRun, java.util.Set.of("enrich", "aggregate"))).isEqualTo(2);
    assertThat(DeadLetterHandler.count(earlierRun, java.util.Set.of("enrich", "aggregate"))).isEqualTo(1);
    assertThat(DeadLetterHandler.count()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void undecodableRecordsResumeWithADeadLetterCarryingTheOriginalBytes() {
    byte[] value = "garbage".getBytes(StandardCharsets.UTF_8);
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("raw", 2, 41, "k".getBytes(StandardCharsets.UTF_8), value);

    DeserializationExceptionHandler.Response response =
        handler.handleError(context(record.key(), value), record, new SerializationException("bad magic byte"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> out = response.deadLetterQueueRecords().get(0);
    assertThat(out.topic()).isEqualTo("dead");
    assertThat(new String(out.key(), StandardCharsets.UTF_8)).isEqualTo("k");
    DeadLetter letter = decode(out);
    assertThat(letter.getStage()).isEqualTo("enrich");
    assertThat(letter.getReason()).isEqualTo("deserialization");
    assertThat(letter.getError()).isEqualTo("bad magic byte");
    assertThat(letter.getTopic()).isEqualTo("raw");
    assertThat(letter.getPartition()).isEqualTo(2);
    assertThat(letter.getOffset()).isEqualTo(41L);
    assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString()).isEqualTo("garbage");
  }

  @Test
  void rejectionsKeepTheirReasonAndRetriableErrorsFailTheTask() {
    ErrorHandlerContext ctx = context(null, new byte[] {1, 2, 3});
    Record<String, String> record = new Record<>("k", "v", 0L);

    ProcessingExceptionHandler.Response rejected =
        handler.handleError(ctx, record, new RejectedRecordException("empty-body", "nothing left after cleaning"));
    assertThat(rejected.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    DeadLetter letter = decode(rejected.deadLetterQueueRecords().get(0));
    assertThat(letter.getReason()).isEqualTo("empty-body");
    assertThat(new String(rejected.deadLetterQueueRecords().get(0).key(), StandardCharsets.UTF_8)).isEqualTo("raw-2@41");

    ProcessingExceptionHandler.Response retriable = handler.handleError(ctx, record, new TimeoutException("broker slow"));
    assertThat(retriable.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    assertThat(retriable.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void anUnreachableRegistryFailsTheTaskInsteadOfDeadLetteringAGoodRecord() {
    ErrorHandlerContext ctx = context(null, new byte[] {1, 2, 3});
    ProducerRecord<String, String> record = new ProducerRecord<>("enriched", "k", "v");
    SerializationException unreachable = new SerializationException("cannot serialize",
        new SchemaRegistryException("schema registry at http://127.0.0.1:8081 unreachable: timed out", 0, 0,
            new java.net.http.HttpTimeoutException("request timed out")));
    SerializationException incompatible = new SerializationException("cannot serialize",
        new SchemaRegistryException("incompatible schema", 409, 409));

    ProductionExceptionHandler.Response retry = handler.handleSerializationError(ctx, record, unreachable,
        ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);
    ProductionExceptionHandler.Response dead = handler.handleSerializationError(ctx, record, incompatible,
        ProductionExceptionHandler.SerializationExceptionOrigin.VALUE);

    assertThat(retry.result()).isEqualTo(ProductionExceptionHandler.Result.FAIL);
    assertThat(retry.deadLetterQueueRecords()).isEmpty();
    assertThat(dead.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertThat(decode(dead.deadLetterQueueRecords().get(0)).getReason()).isEqualTo("serialization");
  }

  @Test
  void deadLettersAreCountedByStageAndReasonWhenGivenAMeterRegistry() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    DeadLetterHandler counted = new DeadLetterHandler();
    counted.configure(Map.of(DeadLetterHandler.STAGE, "enrich", DeadLetterHandler.TOPIC, "dead",
        DeadLetterHandler.REGISTRY, registry, DeadLetterHandler.METERS, meters));
    ErrorHandlerContext ctx = context(null, new byte[] {1});

    counted.handleError(ctx, new Record<>("k", "v", 0L), new RejectedRecordException("empty-body", "nothing left"));
    counted.handleError(ctx, new Record<>("k", "v", 0L), new RejectedRecordException("empty-body", "nothing left"));

    assertThat(meters.get(DeadLetterHandler.COUNTER).tags("stage", "enrich", "reason", "empty-body").counter().count())
        .isEqualTo(2.0);
  }

  @Test
  void unreadableRecordsAreDeadLetteredByKindAndEmptyKeysGetAPositionKey() {
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("raw", 2, 41, new byte[0], new byte[] {0, 0, 0, 0, 7});

    DeserializationExceptionHandler.Response response = handler.handleError(context(record.key(), record.value()), record,
        new UnreadableRecordException(UnreadableRecordException.UNKNOWN_SCHEMA, "schema id 7 unknown"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> out = response.deadLetterQueueRecords().get(0);
    assertThat(decode(out).getReason()).isEqualTo("unknown-schema");
    assertThat(new String(out.key(), StandardCharsets.UTF_8)).isEqualTo("raw-2@41");
  }

  @Test
  void anUnreachableRegistryFailsTheTaskInsteadOfDeadLetteringARecordThatMayBeFine() {
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("raw", 0, 1, null, new byte[] {0, 0, 0, 0, 1, 2});
    SerializationException outage = new SerializationException("registry cannot give schema 1",
        new SchemaRegistryException("schema registry unreachable: connection refused", 0, 0));
    SerializationException notFound = new SerializationException("registry cannot give schema 1",
        new SchemaRegistryException("schema 1 not found", 404, 40403));

    assertThat(handler.handleError(context(null, record.value()), record, outage).result())
        .isEqualTo(DeserializationExceptionHandler.Result.FAIL);
    assertThat(handler.handleError(context(null, record.value()), record, notFound).result())
        .isEqualTo(DeserializationExceptionHandler.Result.RESUME);
  }
}
