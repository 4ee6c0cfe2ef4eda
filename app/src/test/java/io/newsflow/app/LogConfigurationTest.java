package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import org.apache.kafka.common.errors.KafkaStorageException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

/** The shipped log4j2.xml: what it keeps from Kafka's producer and controller and what it drops. */
class LogConfigurationTest {
  private static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";
  private static final String CONTROLLER_APIS = "kafka.server.ControllerApis";
  private static final String REPLICA_MANAGER = "kafka.server.ReplicaManager";

  @Test
  void expectedRetriesOfATransactionalProducerAreDroppedAndOtherProducerWarningsKept() {
    String out = passed(SENDER,
        "[Producer clientId=newsflow-ingest, transactionalId=newsflow-ingest-vm-replay] Got error produce response"
            + " with correlation id 179 on topic-partition news.articles.raw-0, retrying (2147483646 attempts left)."
            + " Error: CONCURRENT_TRANSACTIONS",
        "[Producer clientId=newsflow-ingest, transactionalId=newsflow-ingest-vm-replay] Got error produce response"
            + " with correlation id 1200 on topic-partition news.articles.raw-0, retrying (2147483646 attempts left)."
            + " Error: OUT_OF_ORDER_SEQUENCE_NUMBER",
        "[Producer clientId=newsflow-ingest] Got error produce response with correlation id 7 on topic-partition"
            + " news.articles.raw-0, retrying (2147483646 attempts left). Error: NOT_LEADER_OR_FOLLOWER",
        "[Producer clientId=newsflow-ingest] Received invalid metadata error in produce request on partition"
            + " news.articles.raw-0 due to CONCURRENT_TRANSACTIONS");

    assertThat(out).doesNotContain("Error: CONCURRENT_TRANSACTIONS", "OUT_OF_ORDER_SEQUENCE_NUMBER")
        .contains("Error: NOT_LEADER_OR_FOLLOWER", "due to CONCURRENT_TRANSACTIONS");
  }

  @Test
  void theLocalControllersEarlyRegistrationIsDroppedAndOtherControllerErrorsKept() {
    String out = passed(CONTROLLER_APIS,
        "[ControllerApis nodeId=1] Unexpected error handling request RequestHeader(apiKey=CONTROLLER_REGISTRATION,"
            + " apiVersion=0, clientId=1, correlationId=0, headerVersion=2) -- ControllerRegistrationRequestData(controllerId=1)",
        "[ControllerApis nodeId=1] Unexpected error handling request RequestHeader(apiKey=CREATE_TOPICS,"
            + " apiVersion=7, clientId=admin, correlationId=3, headerVersion=2) -- CreateTopicsRequestData()");

    assertThat(out).doesNotContain("CONTROLLER_REGISTRATION").contains("apiKey=CREATE_TOPICS");
  }

  @Test
  void aTransactionalProducersRetriedFirstAppendIsDroppedAndOtherAppendErrorsKept() {
    String append = "[ReplicaManager broker=1] Error processing append operation on partition news.articles.raw-0";
    String out = passed(REPLICA_MANAGER,
        new Logged(append + " (first)", new OutOfOrderSequenceException("Invalid sequence number for producer 3 at"
            + " offset 9150 in partition news.articles.raw-0: 27 (incoming seq. number). Expected sequence 0 for"
            + " transactions v2 idempotent producer with no existing state.")),
        new Logged(append + " (gap)", new OutOfOrderSequenceException("Out of order sequence number for producer 3"
            + " at offset 9150 in partition news.articles.raw-0: 27 (incoming seq. number), 3 (current end sequence"
            + " number)")),
        new Logged(append + " (storage)", new KafkaStorageException("Disk error while writing")),
        new Logged(append + " (no exception)", null));

    assertThat(out).doesNotContain("(first)").contains("(gap)", "current end sequence number", "(storage)",
        "(no exception)");
  }

  /** A message logged with its exception, if any. */
  private record Logged(String message, Throwable thrown) {}

  /** What the shipped configuration lets through of {@code messages} logged as errors by {@code loggerName}. */
  private String passed(String loggerName, String... messages) {
    return passed(loggerName, Arrays.stream(messages).map(m -> new Logged(m, null)).toArray(Logged[]::new));
  }

  /** What the shipped configuration lets through of {@code events} logged as errors by {@code loggerName}. */
  private String passed(String loggerName, Logged... events) {
    // Its own context: tests otherwise run with the platform test-jar's log4j2-test.xml.
    LoggerContext context = new LoggerContext("shipped");
    context.start(new XmlConfiguration(context,
        ConfigurationSource.fromResource("log4j2.xml", getClass().getClassLoader())));
    LoggerConfig config = context.getConfiguration().getLoggerConfig(loggerName);
    assertThat(config.getName()).as("the shipped configuration names " + loggerName).isEqualTo(loggerName);
    StringWriter out = new StringWriter();
    WriterAppender appender = WriterAppender.newBuilder().setName("log-configuration-test").setTarget(out)
        .setLayout(PatternLayout.newBuilder().withPattern("%m%n%ex{short.message}%n").build()).build();
    appender.start();
    config.addAppender(appender, Level.ALL, null);
    try {
      Logger log = context.getLogger(loggerName);
      for (Logged event : events) {
        log.error(event.message(), event.thrown());
      }
    } finally {
      config.removeAppender("log-configuration-test");
      appender.stop();
      context.stop();
    }
    return out.toString();
  }
}
