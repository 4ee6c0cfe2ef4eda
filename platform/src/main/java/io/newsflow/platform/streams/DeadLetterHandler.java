package io.newsflow.platform.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.registry.SchemaRegistry;
import io.newsflow.schemas.registry.SchemaRegistryException;
import io.newsflow.schemas.serde.AvroSerializer;
import io.newsflow.schemas.serde.UnreadableRecordException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes bad records of a topology to the dead-letter topic as structured {@link DeadLetter}s, through
 * Kafka Streams' own dead-letter support (KIP-1034), so they are written in the same transaction as
 * the task's output. Undecodable input, processing errors and unwritable output are all captured;
 * retriable Kafka errors still fail the task so Streams can recover.
 */
public class DeadLetterHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler {
  /** Settings the handler reads from the Streams config (see {@link StreamsSettings}). */
  public static final String STAGE = "newsflow.stage";
  public static final String TOPIC = "newsflow.deadletter.topic";
  public static final String REGISTRY = "newsflow.schema.registry.instance";
  /** Optional {@link MeterRegistry} instance counting dead letters as {@code newsflow_deadletters_total}. */
  public static final String METERS = "newsflow.meter.registry.instance";
  static final String COUNTER = io.newsflow.platform.metrics.MeterNames.DEAD_LETTERS;

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);
  private static final AtomicLong COUNT = new AtomicLong();

  private String stage;
  private String topic;
  private AvroSerializer<DeadLetter> serializer;
  private MeterRegistry meters;

  @Override
  public void configure(Map<String, ?> configs) {
    stage = String.valueOf(configs.get(STAGE));
    topic = String.valueOf(configs.get(TOPIC));
    Object registry = configs.get(REGISTRY);
    if (!(registry instanceof SchemaRegistry)) {
      throw new KafkaException("DeadLetterHandler needs a SchemaRegistry instance under " + REGISTRY);
    }
    serializer = new AvroSerializer<>((SchemaRegistry) registry, false);
    // Passed as an instance, like the schema registry: Streams creates the handler, not us.
    meters = configs.get(METERS) instanceof MeterRegistry m ? m : null;
  }

  /**
   * Counts and logs a dead letter that a topology routes itself (rather than by throwing), so that it
   * shows in the same metric and log line as the ones this handler writes.
   *
   * @param appConfigs the task's configs, where {@link #METERS} may hold the meter registry
   */
  public static void routed(Map<String, ?> appConfigs, String stage, String reason, String where, String error) {
    counted(appConfigs.get(METERS) instanceof MeterRegistry m ? m : null, stage, reason, where, error);
  }

  private static void counted(MeterRegistry meters, String stage, String reason, String where, String error) {
    COUNT.incrementAndGet();
    if (meters != null) {
      meters.counter(COUNTER, "stage", stage, "reason", reason).increment();
    }
    LOG.warn("{}: {} at {}: {}", stage, reason, where, error);
  }

  /** Dead letters routed by all handlers of this JVM since start. */
  public static long count() {
    return COUNT.get();
  }

  /**
   * Dead letters counted in {@code meters} (the registry given to the services as {@link #METERS}) for the
   * given stages: one pipeline's own, where {@link #count()} also holds those of earlier pipelines in the JVM.
   */
  public static long count(MeterRegistry meters, Set<String> stages) {
    double sum = 0;
    for (Counter counter : meters.find(COUNTER).counters()) {
      if (stages.contains(counter.getId().getTag("stage"))) {
        sum += counter.count();
      }
    }
    return Math.round(sum);
  }

  /**
   * Unreadable bytes become a dead letter with the kind of damage as reason. A schema registry that
   * cannot be reached says nothing about the record, so the task fails and retries instead.
   */
  @Override
  public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
    if (isRegistryOutage(e)) {
      LOG.error("{}: schema registry unavailable reading {}-{}@{}, failing the task to retry: {}", stage, record.topic(),
          record.partition(), record.offset(), DeadLetters.oneLine(e));
      return DeserializationExceptionHandler.Response.fail();
    }
    return DeserializationExceptionHandler.Response.resume(List.of(deadLetter(
        reasonOf(e, "deserialization"), e, record.topic(), record.partition(), record.offset(), record.timestamp(),
        record.key(), record.value())));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
    if (isRecoverable(e)) {
      return ProcessingExceptionHandler.Response.fail();
    }
    return ProcessingExceptionHandler.Response.resume(List.of(deadLetter(
        reasonOf(e, "processing"), e, context.topic(), context.partition(), context.offset(), context.timestamp(),
        context.sourceRawKey(), context.sourceRawValue())));
  }

  @Override
  public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                         ProducerRecord<byte[], byte[]> record, Exception e) {
    if (!(e instanceof RecordTooLargeException)) {
      return ProductionExceptionHandler.Response.fail();
    }
    return ProductionExceptionHandler.Response.resume(List.of(deadLetter(
        "record-too-large", e, context.topic(), context.partition(), context.offset(), context.timestamp(),
        record.key(), record.value())));
  }

  @Override
  public ProductionExceptionHandler.Response handleSerializationError(
      ErrorHandlerContext context, ProducerRecord record, Exception e, SerializationExceptionOrigin origin) {
    if (isRecoverable(e)) {
      // The registry could not be reached: the record is fine, so fail the task and retry it from the
      // last commit rather than turn good output into a dead letter.
      return ProductionExceptionHandler.Response.fail();
    }
    return ProductionExceptionHandler.Response.resume(List.of(deadLetter(
        "serialization", e, context.topic(), context.partition(), context.offset(), context.timestamp(),
        context.sourceRawKey(), context.sourceRawValue())));
  }

  private ProducerRecord<byte[], byte[]> deadLetter(String reason, Exception e, String sourceTopic, int partition,
                                                    long offset, long timestamp, byte[] key, byte[] value) {
    counted(meters, stage, reason, sourceTopic + "-" + partition + "@" + offset, DeadLetters.oneLine(e));
    DeadLetter letter = DeadLetters.fromRecord(stage, reason, e, sourceTopic, partition, offset, timestamp, key, value);
    byte[] dlKey = key != null && key.length > 0 ? key : (sourceTopic + "-" + partition + "@" + offset).getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(topic, null, timestamp < 0 ? null : timestamp, dlKey, serializer.serialize(topic, letter));
  }

  static String reasonOf(Throwable e, String fallback) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RejectedRecordException rejected) {
        return rejected.reason();
      }
      if (t instanceof UnreadableRecordException unreadable) {
        return unreadable.reason();
      }
    }
    return fallback;
  }

  /** The registry did not answer, or failed (5xx): unlike a 404, no verdict on the record. */
  static boolean isRegistryOutage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnreadableRecordException) {
        return false;
      }
      if (t instanceof SchemaRegistryException registry) {
        return registry.isTransient();
      }
    }
    return false;
  }

  /** A broker or schema registry that could not be reached, as opposed to a record that is bad in itself. */
  static boolean isRecoverable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RetriableException
          || (t instanceof SchemaRegistryException registry && registry.isTransient())) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
