package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.Posting;
import io.newsflow.schemas.avro.internal.StoryMember;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One shard's view of a task's index. Several shards (languages) can hash to the same repartition
 * partition and so share a task's stores; their index keys and term statistics are kept apart here, so
 * an article only ever finds stories of its own shard and the stories do not depend on how many
 * partitions the shards were spread over. Stories and signatures are keyed by unique ids and need no prefix.
 */
final class ShardIndex implements StoryIndex {
  /** The shard's article count, one of its statistics keys; no index key starts with a NUL. */
  private static final String DOCUMENTS = "\u0000documents";

  private final StoryIndex all;
  private final String prefix;
  private final String documentsKey;

  ShardIndex(StoryIndex all, String shard) {
    this.all = all;
    this.prefix = shard + "/";
    this.documentsKey = prefix + DOCUMENTS;
  }

  @Override
  public List<Posting> postings(String key) {
    return all.postings(prefix + key);
  }

  @Override
  public int[] signature(String articleId) {
    return all.signature(articleId);
  }

  @Override
  public StoryState story(String storyId) {
    return all.story(storyId);
  }

  @Override
  public void putStory(StoryState state) {
    all.putStory(state);
  }

  @Override
  public void index(String storyId, IndexedArticle article, List<String> keys) {
    all.index(storyId, article, prefixed(keys));
  }

  @Override
  public List<StoryMember> members(String storyId) {
    return all.members(storyId);
  }

  @Override
  public void remove(String storyId) {
    all.remove(storyId);
  }

  @Override
  public void countDocument(Instant eventTime, Collection<String> keys) {
    List<String> counted = prefixed(keys);
    counted.add(documentsKey);
    all.countDocument(eventTime, counted);
  }

  @Override
  public long documents() {
    return all.documentFrequency(documentsKey);
  }

  @Override
  public long documentFrequency(String key) {
    return all.documentFrequency(prefix + key);
  }

  private List<String> prefixed(Collection<String> keys) {
    List<String> out = new ArrayList<>(keys.size() + 1);
    for (String key : keys) {
      out.add(prefix + key);
    }
    return out;
  }
}
