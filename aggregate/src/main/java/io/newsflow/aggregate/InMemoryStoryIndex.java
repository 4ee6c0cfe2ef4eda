package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.Posting;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The story index in plain maps: for fitting and evaluating clustering offline, without Kafka. */
public final class InMemoryStoryIndex implements StoryIndex {
  private final Map<String, StoryState> stories = new HashMap<>();
  private final Map<String, List<Posting>> index = new HashMap<>();
  private final Map<String, int[]> signatures = new HashMap<>();
  private final Map<String, Long> frequencies = new HashMap<>();
  private final int maxPostingsPerKey;
  private long documents;

  public InMemoryStoryIndex(int maxPostingsPerKey) {
    this.maxPostingsPerKey = maxPostingsPerKey;
  }

  @Override
  public List<Posting> postings(String key) {
    return index.getOrDefault(key, List.of());
  }

  @Override
  public int[] signature(String articleId) {
    return signatures.get(articleId);
  }

  @Override
  public StoryState story(String storyId) {
    return stories.get(storyId);
  }

  @Override
  public long documents() {
    return documents;
  }

  @Override
  public long documentFrequency(String key) {
    return frequencies.getOrDefault(key, 0L);
  }

  @Override
  public void putStory(StoryState state) {
    stories.put(state.getSnapshot().getStoryId(), state);
  }

  @Override
  public void index(String storyId, String articleId, List<Integer> minHash, List<String> keys) {
    Posting posting = new Posting(storyId, articleId);
    for (String key : keys) {
      index.put(key, Postings.prepend(postings(key), posting, maxPostingsPerKey));
    }
    signatures.put(articleId, minHash.stream().mapToInt(Integer::intValue).toArray());
  }

  @Override
  public void countDocument(Collection<String> keys) {
    documents++;
    keys.forEach(k -> frequencies.merge(k, 1L, Long::sum));
  }

  public Collection<StoryState> stories() {
    return stories.values();
  }
}
