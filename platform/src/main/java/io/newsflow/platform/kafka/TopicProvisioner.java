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
import org.apache.kafka.common.errors.TopicExistsException;

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
      var described = admin.describeTopics(topics.stream().map(Topic::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS);
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
