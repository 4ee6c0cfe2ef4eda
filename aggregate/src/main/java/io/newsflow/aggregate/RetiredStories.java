package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.StoryMember;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Stories closed within the late horizon, kept apart from the live index and consulted only for late
 * articles (ADR 30): their last state, their members (those of the stories folded into them included,
 * re-indexed under the closed story's id) and an index by close time, from which they are purged once the
 * horizon has passed in event time. A separate index, because postings are capped per key: closed stories
 * in the live index would push out active ones and change the decisions for articles that are not late.
 * Term statistics are the live index's, so a late article is scored with the counts every article is.
 */
final class RetiredStories implements StoryIndex, StoryClusterer.Retirement {
  private final KeyValueStore<String, StoryState> stories;
  private final IndexedMembers members;
  private final KeyValueStore<String, String> byCloseTime;
  private final StoryIndex live;
  private final Duration idleClose;
  private final StoreBackedStoryIndex.Sequence sequence;

  RetiredStories(KeyValueStore<String, StoryState> stories, StoryMembers members, KeyValueStore<String, String> byCloseTime,
                 StoryIndex live, ClusteringSettings settings, StoreBackedStoryIndex.Sequence sequence) {
    this.stories = stories;
    this.members = new IndexedMembers(members, settings.maxPostingsPerKey());
    this.byCloseTime = byCloseTime;
    this.live = live;
    this.idleClose = settings.idleClose();
    this.sequence = sequence;
    // Retired members get their own increasing sequence as they are added, so rebuilding in sequence order
    // gives the same postings as the run that added them.
  }

  /** Keeps a story that just closed, with every member it holds, until the horizon has passed. */
  @Override
  public void retire(StoryState closed, List<StoryMember> storyMembers) {
    String storyId = closed.getSnapshot().getStoryId();
    stories.put(storyId, closed);
    for (StoryMember member : storyMembers) {
      members.add(StoryMember.newBuilder(member).setIndexedStoryId(storyId).setSequence(sequence.next()).build());
    }
    byCloseTime.put(closeKey(closed, storyId), storyId);
  }

  /** Forgets every story that closed at or before {@code horizonStart}; returns how many. */
  int purgeClosedAtOrBefore(Instant horizonStart) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, String> old = byCloseTime.range(StoryActivity.time(Long.MIN_VALUE),
        StoryActivity.time(horizonStart.toEpochMilli() + 1))) {
      old.forEachRemaining(entry -> expired.add(entry.value));
    }
    expired.sort(null);
    expired.forEach(this::remove);
    return expired.size();
  }

  /** Every retired story is a candidate for a late article, though closed. */
  @Override
  public boolean takesArticles(StoryState story) {
    return true;
  }

  @Override
  public DocumentFrequencies documentFrequencies() {
    return live.documentFrequencies();
  }

  @Override
  public long documents() {
    return live.documents();
  }

  @Override
  public long documentFrequency(String key) {
    return live.documentFrequency(key);
  }

  @Override
  public List<Posting> postings(String key) {
    return members.postings(key);
  }

  @Override
  public int[] signature(String articleId) {
    return members.signature(articleId);
  }

  @Override
  public StoryState story(String storyId) {
    return stories.get(storyId);
  }

  @Override
  public void putStory(StoryState state) {
    String storyId = state.getSnapshot().getStoryId();
    StoryState before = stories.get(storyId);
    String key = closeKey(state, storyId);
    if (before != null && !closeKey(before, storyId).equals(key)) {
      byCloseTime.delete(closeKey(before, storyId));
    }
    byCloseTime.put(key, storyId);
    stories.put(storyId, state);
  }

  @Override
  public void index(String storyId, IndexedArticle article, List<String> keys) {
    members.add(StoryMembers.member(storyId, article, keys, sequence.next()));
  }

  @Override
  public List<StoryMember> members(String storyId) {
    return members.members(storyId);
  }

  @Override
  public void remove(String storyId) {
    StoryState state = stories.get(storyId);
    if (state != null) {
      byCloseTime.delete(closeKey(state, storyId));
      stories.delete(storyId);
    }
    members.removeStory(storyId);
  }

  /** The live index counts every article, late ones included; nothing is counted twice here. */
  @Override
  public void countDocument(Instant eventTime, Collection<String> keys) {
    throw new IllegalStateException("retired stories count no documents: the live index counts every article");
  }

  /** Stories held (for tests and metrics). */
  long size() {
    long n = 0;
    try (KeyValueIterator<String, StoryState> all = stories.all()) {
      while (all.hasNext()) {
        all.next();
        n++;
      }
    }
    return n;
  }

  /** When the story closed (or would have, counted from its last update, which a late article may move), then its id. */
  private String closeKey(StoryState state, String storyId) {
    return StoryActivity.time(state.getSnapshot().getUpdatedAt().plus(idleClose).toEpochMilli()) + "/" + storyId;
  }
}
