package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.CountedDocument;
import io.newsflow.schemas.avro.internal.StoryMember;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The story index over the aggregate's state stores: story states read through {@link DecodedValues};
 * the candidate index, signatures and document frequencies in memory ({@link CandidateIndex},
 * {@link DocumentFrequencies}), rebuilt from the member and document-window stores at construction. Two
 * records per decided article are written (its member and its counted keys), not one per index key or
 * term. Create one per processor initialisation, after the stores are restored.
 */
final class StoreBackedStoryIndex implements StoryIndex {
  /**
   * Decoded values kept per store: recent stories and frequent terms come back with the next articles.
   * A story state is bounded (ADR 29), so this is at most a few tens of MB per task.
   */
  static final int RECENT_STORIES = 2_000;

  private final DecodedValues<StoryState> stories;
  private final StoryActivity activity;
  private final IndexedMembers members;
  private final DocumentFrequencies frequencies;
  private final KeyValueStore<String, CountedDocument> documentWindow;
  private final Sequence sequence;

  /** The next decision's number, kept durably by the owner of the progress store. */
  interface Sequence {
    long next();
  }

  StoreBackedStoryIndex(KeyValueStore<String, StoryState> stories, StoryActivity activity, StoryMembers members,
                        KeyValueStore<String, CountedDocument> documentWindow, ClusteringSettings settings,
                        Sequence sequence) {
    this.stories = new DecodedValues<>(stories, RECENT_STORIES);
    this.activity = activity;
    this.members = new IndexedMembers(members, settings.maxPostingsPerKey());
    this.frequencies = new DocumentFrequencies(settings.documentWindow(),
        DocumentFrequencyPrior.of(settings, ShardIndex.prefix(DocumentFrequencyPrior.ENGLISH)));
    this.documentWindow = documentWindow;
    this.sequence = sequence;
    List<DocumentFrequencies.Counted> outOfWindow = new ArrayList<>();
    try (KeyValueIterator<String, CountedDocument> counted = documentWindow.all()) {
      counted.forEachRemaining(kv -> outOfWindow.addAll(frequencies.count(counted(kv.key, kv.value.getKeys()))));
    }
    // Only when the window was made smaller since these were counted.
    outOfWindow.forEach(this::forget);
  }

  @Override
  public DocumentFrequencies documentFrequencies() {
    return frequencies;
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
  public long documents() {
    return documentFrequency(DocumentFrequencies.DOCUMENTS);
  }

  @Override
  public long documentFrequency(String key) {
    return frequencies.frequency(key);
  }

  @Override
  public void putStory(StoryState state) {
    String storyId = state.getSnapshot().getStoryId();
    activity.update(stories.get(storyId), state);
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
      activity.remove(state);
      stories.delete(storyId);
    }
    members.removeStory(storyId);
  }

  @Override
  public void countDocument(Instant eventTime, Collection<String> keys) {
    DocumentFrequencies.Counted counted = new DocumentFrequencies.Counted(eventTime.toEpochMilli(), sequence.next(),
        DocumentFrequencies.withDocumentCount(keys));
    documentWindow.put(windowKey(counted.eventTime(), counted.sequence()), new CountedDocument(counted.keys()));
    frequencies.count(counted).forEach(this::forget);
  }

  private void forget(DocumentFrequencies.Counted uncounted) {
    documentWindow.delete(windowKey(uncounted.eventTime(), uncounted.sequence()));
  }

  /** Event time, then sequence, fixed width: the store's key order is the window's order. */
  static String windowKey(long eventTime, long sequence) {
    return StoryActivity.time(eventTime) + "/" + StoryMembers.sequence(sequence);
  }

  private static DocumentFrequencies.Counted counted(String windowKey, List<String> keys) {
    int slash = windowKey.indexOf('/');
    long time = Long.parseUnsignedLong(windowKey.substring(0, slash)) ^ Long.MIN_VALUE;
    return new DocumentFrequencies.Counted(time, Long.parseLong(windowKey.substring(slash + 1)), keys);
  }
}
