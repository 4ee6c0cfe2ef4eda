package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.BandPostings;
import io.newsflow.schemas.avro.internal.Posting;
import io.newsflow.schemas.avro.internal.StoryState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;

/** The story index over the aggregate's state stores. */
final class StoreBackedStoryIndex implements StoryIndex {
  private final KeyValueStore<String, StoryState> stories;
  private final KeyValueStore<String, BandPostings> index;
  private final KeyValueStore<String, byte[]> signatures;
  private final int maxPostingsPerKey;

  StoreBackedStoryIndex(KeyValueStore<String, StoryState> stories, KeyValueStore<String, BandPostings> index,
                        KeyValueStore<String, byte[]> signatures, int maxPostingsPerKey) {
    this.stories = stories;
    this.index = index;
    this.signatures = signatures;
    this.maxPostingsPerKey = maxPostingsPerKey;
  }

  @Override
  public List<Posting> postings(String key) {
    BandPostings p = index.get(key);
    return p == null ? List.of() : p.getPostings();
  }

  @Override
  public int[] signature(String articleId) {
    byte[] bytes = signatures.get(articleId);
    if (bytes == null) {
      return null;
    }
    int[] sig = new int[bytes.length / 4];
    ByteBuffer.wrap(bytes).asIntBuffer().get(sig);
    return sig;
  }

  @Override
  public StoryState story(String storyId) {
    return stories.get(storyId);
  }

  void putStory(StoryState state) {
    stories.put(state.getSnapshot().getStoryId(), state);
  }

  /** Indexes an article under {@code keys}, most recent first, dropping the oldest past the cap. */
  void index(String storyId, String articleId, List<Integer> minHash, List<String> keys) {
    Posting posting = new Posting(storyId, articleId);
    for (String key : keys) {
      List<Posting> current = postings(key);
      List<Posting> updated = new ArrayList<>(Math.min(current.size() + 1, maxPostingsPerKey));
      updated.add(posting);
      for (Posting p : current) {
        if (updated.size() >= maxPostingsPerKey) {
          break;
        }
        if (!p.getArticleId().equals(articleId)) {
          updated.add(p);
        }
      }
      index.put(key, new BandPostings(updated));
    }
    ByteBuffer bytes = ByteBuffer.allocate(minHash.size() * 4);
    minHash.forEach(bytes::putInt);
    signatures.put(articleId, bytes.array());
  }
}
