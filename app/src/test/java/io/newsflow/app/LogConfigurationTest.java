package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

/** The shipped log4j2.xml: what it keeps from Kafka's producer and what it drops. */
class LogConfigurationTest {
  private static final String SENDER = "org.apache.kafka.clients.producer.internals.Sender";

  @Test
  void expectedRetriesOfATransactionalProducerAreDroppedAndOtherProducerWarningsKept() throws Exception {
    // Its own context: tests otherwise run with the platform test-jar's log4j2-test.xml.
    LoggerContext context = new LoggerContext("shipped");
    context.start(new XmlConfiguration(context,
        ConfigurationSource.fromResource("log4j2.xml", getClass().getClassLoader())));
    LoggerConfig sender = context.getConfiguration().getLoggerConfig(SENDER);
    assertThat(sender.getName()).as("the shipped configuration names the producer's Sender").isEqualTo(SENDER);
    StringWriter out = new StringWriter();
    WriterAppender appender = WriterAppender.newBuilder().setName("log-configuration-test").setTarget(out)
        .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build()).build();
    appender.start();
    sender.addAppender(appender, Level.ALL, null);
    try {
      Logger log = context.getLogger(SENDER);
      log.warn("[Producer clientId=newsflow-ingest, transactionalId=newsflow-ingest-vm-replay] Got error produce response"
          + " with correlation id 179 on topic-partition news.articles.raw-0, retrying (2147483646 attempts left)."
          + " Error: CONCURRENT_TRANSACTIONS");
      log.warn("[Producer clientId=newsflow-ingest, transactionalId=newsflow-ingest-vm-replay] Got error produce response"
          + " with correlation id 1200 on topic-partition news.articles.raw-0, retrying (2147483646 attempts left)."
          + " Error: OUT_OF_ORDER_SEQUENCE_NUMBER");
      log.warn("[Producer clientId=newsflow-ingest] Got error produce response with correlation id 7 on topic-partition"
          + " news.articles.raw-0, retrying (2147483646 attempts left). Error: NOT_LEADER_OR_FOLLOWER");
      log.warn("[Producer clientId=newsflow-ingest] Received invalid metadata error in produce request on partition"
          + " news.articles.raw-0 due to CONCURRENT_TRANSACTIONS");
    } finally {
      sender.removeAppender("log-configuration-test");
      appender.stop();
      context.stop();
    }

    assertThat(out.toString()).doesNotContain("Error: CONCURRENT_TRANSACTIONS", "OUT_OF_ORDER_SEQUENCE_NUMBER")
        .contains("Error: NOT_LEADER_OR_FOLLOWER", "due to CONCURRENT_TRANSACTIONS");
  }
}
