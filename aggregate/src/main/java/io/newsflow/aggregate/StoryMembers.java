package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.StoryMember;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The members of the active stories, one record per article, appended as articles join and deleted
 * when their story closes: keyed by story id and the decision's sequence number, so a story's members
 * are one prefix range in the order they joined. The candidate index lives in memory and is rebuilt
 * from here when a task starts; this store and its changelog are its only durable form.
 */
final class StoryMembers {
  /** Digits of a non-negative long: every sequence key has the same width, so key order is sequence order. */
  private static final int SEQUENCE_DIGITS = 19;
  private static final StringSerializer KEYS = new StringSerializer();

  private final KeyValueStore<String, StoryMember> store;

  StoryMembers(KeyValueStore<String, StoryMember> store) {
    this.store = store;
  }

  static StoryMember member(String storyId, IndexedArticle article, List<String> keys, long sequence) {
    return StoryMember.newBuilder()
        .setArticleId(article.articleId())
        .setIndexedStoryId(storyId)
        .setSequence(sequence)
        .setPublishedAt(article.publishedAt())
        .setRole(article.role())
        .setMinHash(CandidateIndex.signatureBytes(article.minHash()))
        .setIndexKeys(keys)
        .setLate(article.late())
        .build();
  }

  void append(StoryMember member) {
    store.put(key(member.getIndexedStoryId(), member.getSequence()), member);
  }

  /** Deletes every member of {@code storyId}; returns how many there were. */
  int deleteAll(String storyId) {
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, StoryMember> members = store.prefixScan(storyId + "/", KEYS)) {
      members.forEachRemaining(m -> keys.add(m.key));
    }
    keys.forEach(store::delete);
    return keys.size();
  }

  /** Every member held, in sequence order: the order to rebuild the candidate index in. */
  List<StoryMember> all() {
    List<StoryMember> all = new ArrayList<>();
    try (KeyValueIterator<String, StoryMember> members = store.all()) {
      members.forEachRemaining(m -> all.add(m.value));
    }
    all.sort((a, b) -> Long.compare(a.getSequence(), b.getSequence()));
    return all;
  }

  static String key(String storyId, long sequence) {
    return storyId + "/" + sequence(sequence);
  }

  /** A decision's sequence number at fixed width, so key order is sequence order. */
  static String sequence(long sequence) {
    String digits = Long.toString(sequence);
    return "0".repeat(SEQUENCE_DIGITS - digits.length()) + digits;
  }
}
