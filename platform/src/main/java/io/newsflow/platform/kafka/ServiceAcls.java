package io.newsflow.platform.kafka;

import io.newsflow.schemas.TopicNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least access each service of the pipeline needs on a cluster that enforces ACLs: what it reads,
 * what it writes, and the groups, transactional ids and internal topics it owns. README's "Running on a
 * real cluster" lists the same.
 */
public final class ServiceAcls {
  private ServiceAcls() {}

  /**
   * Ingest writes raw articles, dead letters, its state and progress topics, reads them back at start
   * (no consumer group), and commits transactions under ids starting with {@code transactionalIdPrefix}
   * (its {@code ingest.transactional.id}; long-running sources append {@code -feeds} / {@code -push}).
   */
  public static List<AclBinding> ingest(String principal, TopicNames topics, String transactionalIdPrefix) {
    List<AclBinding> acls = new ArrayList<>();
    for (String topic : List.of(topics.raw(), topics.deadLetter(), topics.ingestState(), topics.ingestProgress())) {
      acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
    }
    acls.add(allow(principal, ResourceType.TOPIC, topics.ingestState(), PatternType.LITERAL, AclOperation.READ));
    acls.add(allow(principal, ResourceType.TOPIC, topics.ingestProgress(), PatternType.LITERAL, AclOperation.READ));
    acls.add(allow(principal, ResourceType.TRANSACTIONAL_ID, transactionalIdPrefix, PatternType.PREFIXED,
        AclOperation.WRITE));
    acls.add(allow(principal, ResourceType.TRANSACTIONAL_ID, transactionalIdPrefix, PatternType.PREFIXED,
        AclOperation.DESCRIBE));
    return acls;
  }

  /**
   * A Kafka Streams application: reads {@code inputs}, writes {@code outputs}, and owns everything named
   * after its {@code applicationId}: its consumer group, its transactional ids ({@code <id>-<process>-<thread>}
   * under exactly-once v2) and its internal topics ({@code <id>-...-repartition} and {@code -changelog},
   * which it creates, reads, writes and purges).
   */
  public static List<AclBinding> streamsApplication(String principal, String applicationId,
                                                    Collection<String> inputs, Collection<String> outputs) {
    List<AclBinding> acls = new ArrayList<>();
    for (String topic : inputs) {
      acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
    }
    for (String topic : outputs) {
      acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
    }
    // With the dash: "x-enrich" as a bare prefix would also cover a topic named "x-enriched".
    acls.add(allow(principal, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, AclOperation.ALL));
    acls.add(allow(principal, ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED, AclOperation.ALL));
    acls.add(allow(principal, ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.ALL));
    return acls;
  }

  /** Reading another group's committed offsets and the end offsets of its topics, as {@code newsflow status} does. */
  public static List<AclBinding> lagReader(String principal, String group, Collection<String> topics) {
    List<AclBinding> acls = new ArrayList<>();
    acls.add(allow(principal, ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.DESCRIBE));
    for (String topic : topics) {
      acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
    }
    return acls;
  }

  private static AclBinding allow(String principal, ResourceType type, String name, PatternType pattern,
                                  AclOperation operation) {
    return new AclBinding(new ResourcePattern(type, name, pattern),
        new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
  }
}
