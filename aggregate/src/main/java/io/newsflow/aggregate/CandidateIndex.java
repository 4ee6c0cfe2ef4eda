package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.StoryMember;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidate index of the active stories, in memory: for every index key the articles indexed under
 * it, in decision order, and every indexed article's MinHash signature and members by story. Reading a
 * key costs the postings read, never the length of its history: the most recent {@code maxPostingsPerKey}
 * live postings, newest first. A closed story's members are removed (marked, and the lists compacted
 * once half dead), so the index holds what the active stories hold and nothing else. Whoever keeps the
 * members durably rebuilds the same index by adding them again in {@link StoryMember#getSequence()} order.
 */
final class CandidateIndex {
  private final int maxPostingsPerKey;
  private final Map<String, KeyPostings> byKey = new HashMap<>();
  private final Map<String, int[]> signatures = new HashMap<>();
  /** By indexed story id, in sequence order. */
  private final Map<String, List<Indexed>> byStory = new HashMap<>();

  CandidateIndex(int maxPostingsPerKey) {
    this.maxPostingsPerKey = maxPostingsPerKey;
  }

  /** One posting of one article under one key; dead once its story closed. */
  private static final class Entry {
    final Posting posting;
    final KeyPostings owner;
    boolean dead;

    Entry(Posting posting, KeyPostings owner) {
      this.posting = posting;
      this.owner = owner;
    }
  }

  /** A member with the entries and signature it put in, so removing it touches only those. */
  private record Indexed(StoryMember member, Entry[] entries, int[] signature) {}

  private static final class KeyPostings {
    final List<Entry> entries = new ArrayList<>(4);
    int live;

    void add(Entry e) {
      entries.add(e);
      live++;
    }

    void kill(Entry e) {
      if (e.dead) {
        return;
      }
      e.dead = true;
      live--;
      if (entries.size() > 16 && live * 2 < entries.size()) {
        entries.removeIf(x -> x.dead);
      }
    }
  }

  /** The live postings under {@code key}, newest first, at most the cap. */
  List<Posting> postings(String key) {
    KeyPostings list = byKey.get(key);
    if (list == null || list.live == 0) {
      return List.of();
    }
    List<Posting> out = new ArrayList<>(Math.min(list.live, maxPostingsPerKey));
    for (int i = list.entries.size() - 1; i >= 0 && out.size() < maxPostingsPerKey; i--) {
      Entry e = list.entries.get(i);
      if (!e.dead) {
        out.add(e.posting);
      }
    }
    return out;
  }

  int[] signature(String articleId) {
    return signatures.get(articleId);
  }

  /**
   * Adds a member under its keys, after any earlier one. An article indexed again under a key drops its
   * older posting there, so it is counted once per key.
   */
  void add(StoryMember member) {
    String articleId = member.getArticleId();
    boolean seenBefore = signatures.containsKey(articleId);
    Posting posting = new Posting(member.getIndexedStoryId(), articleId);
    List<String> keys = member.getIndexKeys();
    Entry[] entries = new Entry[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      KeyPostings list = byKey.computeIfAbsent(keys.get(i), k -> new KeyPostings());
      if (seenBefore) {
        for (Entry e : list.entries) {
          if (!e.dead && e.posting.articleId().equals(articleId)) {
            list.kill(e);
            break;
          }
        }
      }
      entries[i] = new Entry(posting, list);
      list.add(entries[i]);
    }
    int[] signature = signature(member.getMinHash());
    signatures.put(articleId, signature);
    byStory.computeIfAbsent(member.getIndexedStoryId(), s -> new ArrayList<>()).add(new Indexed(member, entries, signature));
  }

  /** Members indexed under {@code storyId}, in the order they joined. */
  List<StoryMember> members(String storyId) {
    List<Indexed> indexed = byStory.get(storyId);
    if (indexed == null) {
      return List.of();
    }
    List<StoryMember> out = new ArrayList<>(indexed.size());
    indexed.forEach(i -> out.add(i.member()));
    return out;
  }

  /** Removes every member indexed under {@code storyId} from every key, and their signatures. */
  void remove(String storyId) {
    List<Indexed> indexed = byStory.remove(storyId);
    if (indexed == null) {
      return;
    }
    for (Indexed i : indexed) {
      List<String> keys = i.member().getIndexKeys();
      for (int k = 0; k < keys.size(); k++) {
        KeyPostings list = i.entries()[k].owner;
        list.kill(i.entries()[k]);
        if (list.live == 0) {
          byKey.remove(keys.get(k), list);
        }
      }
      // Only its own: the same article indexed again since (in another story) keeps its signature.
      signatures.remove(i.member().getArticleId(), i.signature());
    }
  }

  /** Keys with at least one live posting. */
  int keys() {
    return byKey.size();
  }

  /** Articles with a signature. */
  int articles() {
    return signatures.size();
  }

  static ByteBuffer signatureBytes(List<Integer> minHash) {
    ByteBuffer bytes = ByteBuffer.allocate(minHash.size() * 4);
    minHash.forEach(bytes::putInt);
    return bytes.flip();
  }

  static int[] signature(ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate();
    int[] sig = new int[b.remaining() / 4];
    b.asIntBuffer().get(sig);
    return sig;
  }
}
