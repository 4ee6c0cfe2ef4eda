package io.newsflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerIT {

  @Test
  void formatsOnFirstStartAndKeepsTopicsAndRecordsAcrossRestart(@TempDir Path dir) throws Exception {
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(dir, 0)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
      }
      try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
          "acks", "all", "enable.idempotence", "true"), new StringSerializer(), new StringSerializer())) {
        producer.send(new ProducerRecord<>("t", "k", "v")).get();
      }
      assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
    }
    assertThat(dir.resolve("kafka-logs/meta.properties")).exists();

    try (LocalKafkaBroker broker = LocalKafkaBroker.start(dir, 0)) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).contains("t");
      }
      try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers(),
          "group.id", "g", "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(Set.of("t"));
        ConsumerRecords<String, String> records = ConsumerRecords.empty();
        for (int i = 0; i < 50 && records.isEmpty(); i++) {
          records = consumer.poll(Duration.ofMillis(200));
        }
        assertThat(records.records("t")).extracting(r -> r.value()).containsExactly("v");
      }
    }
  }

  @Test
  void fallsBackToAFreePortWhenThePreferredOneIsTaken(@TempDir Path dir) throws Exception {
    try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThat(LocalKafkaBroker.portOrFree(port)).isNotEqualTo(port);
    }
  }
}
