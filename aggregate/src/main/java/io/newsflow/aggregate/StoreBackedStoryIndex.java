package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.BandPostings;
import io.newsflow.schemas.avro.internal.Posting;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/** The story index over the aggregate's state stores. */
final class StoreBackedStoryIndex implements StoryIndex {
  /** Key of the article count in the term-statistics store; no term can start with a NUL. */
  static final String DOCUMENTS = "\u0000documents";

  private final KeyValueStore<String, StoryState> stories;
  private final KeyValueStore<String, BandPostings> index;
  private final KeyValueStore<String, byte[]> signatures;
  private final KeyValueStore<String, Long> termStatistics;
  private final int maxPostingsPerKey;

  StoreBackedStoryIndex(KeyValueStore<String, StoryState> stories, KeyValueStore<String, BandPostings> index,
                        KeyValueStore<String, byte[]> signatures, KeyValueStore<String, Long> termStatistics,
                        int maxPostingsPerKey) {
    this.stories = stories;
    this.index = index;
    this.signatures = signatures;
    this.termStatistics = termStatistics;
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
    stories.put(state.getSnapshot().getStoryId(), state);
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
