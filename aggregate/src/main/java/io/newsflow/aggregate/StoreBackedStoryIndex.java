package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.BandPostings;
import io.newsflow.schemas.avro.internal.Posting;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The story index over the aggregate's state stores, with recently used values kept decoded
 * ({@link DecodedValues}); create one per processor initialisation.
 */
final class StoreBackedStoryIndex implements StoryIndex {
  /** Key of the article count in the term-statistics store; no term can start with a NUL. */
  static final String DOCUMENTS = "\u0000documents";
  /**
   * Decoded values kept per store: an article's own keys are read two or three times each, and
   * recent stories and frequent terms come back with the next articles. At their largest (stories
   * of 1,000 article summaries, full postings lists) about 250 MB of heap per task.
   */
  static final int RECENT_STORIES = 500;
  static final int RECENT_POSTINGS = 10_000;
  static final int RECENT_SIGNATURES = 20_000;
  static final int RECENT_TERM_COUNTS = 100_000;

  private final DecodedValues<StoryState> stories;
  private final StoryActivity activity;
  private final DecodedValues<BandPostings> index;
  private final DecodedValues<byte[]> signatures;
  private final DecodedValues<Long> termStatistics;
  private final int maxPostingsPerKey;

  StoreBackedStoryIndex(KeyValueStore<String, StoryState> stories, StoryActivity activity,
                        KeyValueStore<String, BandPostings> index,
                        KeyValueStore<String, byte[]> signatures, KeyValueStore<String, Long> termStatistics,
                        int maxPostingsPerKey) {
    this.stories = new DecodedValues<>(stories, RECENT_STORIES);
    this.activity = activity;
    this.index = new DecodedValues<>(index, RECENT_POSTINGS);
    this.signatures = new DecodedValues<>(signatures, RECENT_SIGNATURES);
    this.termStatistics = new DecodedValues<>(termStatistics, RECENT_TERM_COUNTS);
    this.maxPostingsPerKey = maxPostingsPerKey;
  }

  @Override
  public List<Posting> postings(String key) {
    BandPostings p = index.get(key);
    return p == null ? List.of() : p.getPostings();
  }

  @Override
  public int[] signature(String articleId) {
    return Postings.signature(signatures.get(articleId));
  }

  @Override
  public StoryState story(String storyId) {
    return stories.get(storyId);
  }

  @Override
  public long documents() {
    return documentFrequency(DOCUMENTS);
  }

  @Override
  public long documentFrequency(String key) {
    Long count = termStatistics.get(key);
    return count == null ? 0 : count;
  }

  @Override
  public void putStory(StoryState state) {
    String storyId = state.getSnapshot().getStoryId();
    activity.update(stories.get(storyId), state);
    stories.put(storyId, state);
  }

  @Override
  public void index(String storyId, String articleId, List<Integer> minHash, List<String> keys) {
    Posting posting = new Posting(storyId, articleId);
    for (String key : keys) {
      index.put(key, new BandPostings(Postings.prepend(postings(key), posting, maxPostingsPerKey)));
    }
    signatures.put(articleId, Postings.signatureBytes(minHash));
  }

  @Override
  public void countDocument(Collection<String> keys) {
    termStatistics.put(DOCUMENTS, documents() + 1);
    for (String key : keys) {
      termStatistics.put(key, documentFrequency(key) + 1);
    }
  }
}
