package io.newsflow.platform.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a Streams application in place, doing what Kafka's application reset tool
 * ({@code kafka-streams-application-reset}, {@code org.apache.kafka.tools.StreamsResetter}) does for
 * it, through the Admin API (the tool's artifact cannot share a classpath with the HTTP server; see
 * ADR 14): refuse while any instance is running, rewind the group's committed offsets on its input
 * topics to the earliest, drop its offsets on internal topics, and delete its internal topics
 * (changelogs and repartition topics), so the next start rebuilds all state from the inputs. Local
 * state is the caller's: {@code KafkaStreams.cleanUp()} before {@code start()}.
 *
 * <p>Unlike the tool, internal topics are the exact names this topology uses, not every topic that
 * starts with the application id, so resetting {@code newsflow-aggregate} never touches the topics of
 * a side-by-side {@code newsflow-aggregate-v2}. Output topics are left alone, as by the tool.
 */
public final class StreamsReset {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsReset.class);
  private static final long TIMEOUT_SECONDS = 60;

  private StreamsReset() {}

  /** What a reset changed. */
  public record Result(Map<TopicPartition, Long> rewound, Set<String> deletedTopics) {}

  /**
   * Resets {@code applicationId}, first waiting up to {@code membersLeave} for the members of stopped
   * instances to leave: Streams does not leave its group on close, so a just-stopped instance stays a
   * member until its {@code session.timeout.ms} (45 s by default) runs out.
   */
  public static Result reset(Admin admin, String applicationId, Topology topology, Duration membersLeave) throws Exception {
    requireStopped(admin, applicationId, membersLeave);
    Set<String> internal = internalTopics(topology, applicationId);
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
        .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, Long> rewound = rewindInputs(admin, applicationId, committed.keySet().stream()
        .filter(tp -> !internal.contains(tp.topic())).collect(Collectors.toSet()));
    Set<TopicPartition> internalOffsets = committed.keySet().stream()
        .filter(tp -> internal.contains(tp.topic())).collect(Collectors.toSet());
    if (!internalOffsets.isEmpty()) {
      admin.deleteConsumerGroupOffsets(applicationId, internalOffsets).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Set<String> deleted = new TreeSet<>(internal);
    deleted.retainAll(existing);
    if (!deleted.isEmpty()) {
      admin.deleteTopics(deleted).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      awaitGone(admin, deleted);
    }
    return new Result(rewound, deleted);
  }

  private static void requireStopped(Admin admin, String applicationId, Duration membersLeave) throws Exception {
    long deadline = System.nanoTime() + membersLeave.toNanos();
    while (true) {
      int members = members(admin, applicationId);
      if (members == 0) {
        return;
      }
      if (System.nanoTime() >= deadline) {
        throw new IllegalStateException(applicationId + " still has " + members
            + " running instance(s); stop every instance before resetting it");
      }
      LOG.info("waiting for {} member(s) of {} to leave (a stopped instance leaves after session.timeout.ms)",
          members, applicationId);
      Thread.sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }
  }

  private static int members(Admin admin, String applicationId) throws Exception {
    try {
      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId)).describedGroups()
          .get(applicationId).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      // One member per stream thread: count the instances, named by the client id before "-StreamThread-".
      return (int) group.members().stream()
          .map(m -> m.clientId().replaceFirst("-StreamThread-.*$", ""))
          .distinct().count();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return 0;
      }
      throw e;
    }
  }

  private static Map<TopicPartition, Long> rewindInputs(Admin admin, String applicationId, Set<TopicPartition> inputs)
      throws Exception {
    if (inputs.isEmpty()) {
      return Map.of();
    }
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    inputs.forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
    Map<TopicPartition, ListOffsetsResultInfo> offsets = admin.listOffsets(earliest).all()
        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetAndMetadata> target = new HashMap<>();
    Map<TopicPartition, Long> rewound = new HashMap<>();
    offsets.forEach((tp, info) -> {
      target.put(tp, new OffsetAndMetadata(info.offset()));
      rewound.put(tp, info.offset());
    });
    admin.alterConsumerGroupOffsets(applicationId, target).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    return rewound;
  }

  /** Topic deletion is asynchronous: a topic being deleted cannot be created again, which Streams does at start. */
  private static void awaitGone(Admin admin, Set<String> topics) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(TIMEOUT_SECONDS).toNanos();
    while (true) {
      Set<String> left = new TreeSet<>(topics);
      left.retainAll(admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      if (left.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("internal topics still not deleted after " + TIMEOUT_SECONDS + " s: " + left);
      }
      Thread.sleep(200);
    }
  }

  /**
   * The internal topics of {@code topology} run as {@code applicationId}: a changelog per store
   * ({@code <id>-<store>-changelog}) and each repartition topic ({@code <id>-<name>-repartition}).
   * A store without logging has no changelog; asking to delete a topic that does not exist is skipped.
   */
  public static Set<String> internalTopics(Topology topology, String applicationId) {
    Set<String> names = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor p) {
          p.stores().forEach(store -> names.add(applicationId + "-" + store + "-changelog"));
        } else if (node instanceof TopologyDescription.Source s && s.topicSet() != null) {
          s.topicSet().stream().filter(t -> t.endsWith("-repartition")).forEach(t -> names.add(applicationId + "-" + t));
        } else if (node instanceof TopologyDescription.Sink k && k.topic() != null && k.topic().endsWith("-repartition")) {
          names.add(applicationId + "-" + k.topic());
        }
      }
    }
    return names;
  }
}
