package io.newsflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.platform.TestCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

class TopicPartitionsIT {
  private static KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(Map.of("bootstrap.servers", TestCluster.bootstrapServers()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  @Test
  void aTopicCreatedAMomentAgoHasAllItsPartitions() throws Exception {
    String topic = "topic-partitions-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestCluster.bootstrapServers()));
         KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();

      assertThat(TopicPartitions.of(consumer, topic, TopicPartitions.DEFAULT_WAIT)).containsExactlyInAnyOrder(
          new TopicPartition(topic, 0), new TopicPartition(topic, 1), new TopicPartition(topic, 2));
    }
  }

  @Test
  void aMissingTopicIsAClearErrorOnceTheWaitIsOver() {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      assertThatThrownBy(() -> TopicPartitions.of(consumer, "no-such-topic", Duration.ofMillis(300)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("topic no-such-topic has no partitions after 0 s");
    }
  }
}
