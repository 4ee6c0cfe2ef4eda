package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.StoryMember;
import java.util.List;

/**
 * Story members kept twice in step: durably in their store ({@link StoryMembers}) and as the in-memory
 * candidate index rebuilt from it, in sequence order, when a task starts. The live and the retired index
 * each hold one.
 */
final class IndexedMembers {
  private final StoryMembers store;
  private final CandidateIndex candidates;

  IndexedMembers(StoryMembers store, int maxPostingsPerKey) {
    this.store = store;
    this.candidates = new CandidateIndex(maxPostingsPerKey);
    store.all().forEach(candidates::add);
  }

  void add(StoryMember member) {
    store.append(member);
    candidates.add(member);
  }

  List<Posting> postings(String key) {
    return candidates.postings(key);
  }

  int[] signature(String articleId) {
    return candidates.signature(articleId);
  }

  List<StoryMember> members(String storyId) {
    return candidates.members(storyId);
  }

  void removeStory(String storyId) {
    store.deleteAll(storyId);
    candidates.remove(storyId);
  }
}
