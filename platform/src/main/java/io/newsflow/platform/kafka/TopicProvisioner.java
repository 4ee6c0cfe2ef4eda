package io.newsflow.platform.kafka;

import io.newsflow.schemas.Topic;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Creates the pipeline's topics that do not exist yet, as the topic catalogue describes them. */
public final class TopicProvisioner {
  private final Admin admin;
  private final short replicationFactor;

  public TopicProvisioner(Admin admin, short replicationFactor) {
    this.admin = admin;
    this.replicationFactor = replicationFactor;
  }

  public void ensure(Collection<? extends Topic<?, ?>> topics) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream()
          .filter(t -> !existing.contains(t.name()))
          .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(t.configs()))
          .toList();
      ensureNew(missing);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list or create topics: " + e.getMessage(), e);
    }
  }

  /**
   * Refuses to go on when one of {@code topics} exists with another partition count than the catalogue's: ingest
   * partitions raw articles by source over that count, and the story merge waits for every enriched partition.
   */
  public void requirePartitions(Collection<? extends Topic<?, ?>> topics) {
    try {
      var described = describe(topics.stream().map(Topic::name).toList());
      for (Topic<?, ?> topic : topics) {
        int actual = described.get(topic.name()).partitions().size();
        if (actual != topic.partitions()) {
          throw new IllegalStateException("topic " + topic.name() + " has " + actual + " partitions but topic.partitions is "
              + topic.partitions() + ": set --partitions " + actual + " (topic.partitions=" + actual
              + "), or use a fresh --data-dir / new topics");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while describing topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot describe topics: " + e.getMessage(), e);
    }
  }

  /** Descriptions of {@code names}; a topic just created may take a moment to be known to every broker. */
  private Map<String, TopicDescription> describe(List<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  /** Creates {@code topics}; one that another instance created meanwhile is fine. */
  public void ensureNew(List<NewTopic> topics) throws InterruptedException, TimeoutException, ExecutionException {
    for (var result : admin.createTopics(topics).values().entrySet()) {
      try {
        result.getValue().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  public static Map<String, String> compacted() {
    return Map.of("cleanup.policy", "compact");
  }
}
