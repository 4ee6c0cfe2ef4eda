package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.Posting;
import io.newsflow.schemas.avro.internal.StoryState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shard's view of a task's index. Several shards (languages) can hash to the same repartition
 * partition and so share a task's stores; their index keys and term statistics are kept apart here, so
 * an article only ever finds stories of its own shard and the stories do not depend on how many
 * partitions the shards were spread over. Stories and signatures are keyed by unique ids and need no prefix.
 * Kept for the life of the processor, one per shard, so its memory of term keys carries over between articles.
 */
final class ShardIndex implements StoryIndex {
  /** The shard's article count, one of its statistics keys; no index key starts with a NUL. */
  private static final String DOCUMENTS = "\u0000documents";

  /** Terms whose counts are remembered: centroid terms of candidate stories are looked up again for article after article. */
  static final int TERM_KEYS = 100_000;

  private final StoryIndex all;
  private final String prefix;
  private final String documentsKey;
  /**
   * By bare term: its document count, read from the store once and kept current by
   * {@link #countDocument}, through which every count of this shard goes. Scoring reads the count of
   * every centroid term of every candidate (a quarter of the aggregate thread as three look-ups).
   */
  private final Map<String, TermCount> termCounts = new HashMap<>();

  private static final class TermCount {
    long documents;

    TermCount(long documents) {
      this.documents = documents;
    }
  }

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
  public void index(String storyId, String articleId, List<Integer> minHash, List<String> keys) {
    all.index(storyId, articleId, minHash, prefixed(keys));
  }

  @Override
  public void countDocument(Collection<String> keys) {
    List<String> counted = prefixed(keys);
    counted.add(documentsKey);
    all.countDocument(counted);
    for (String key : keys) {
      TermCount known = IndexKeys.isTerm(key) ? termCounts.get(IndexKeys.termOf(key)) : null;
      if (known != null) {
        known.documents++;
      }
    }
  }

  @Override
  public long documents() {
    return all.documentFrequency(documentsKey);
  }

  @Override
  public long documentFrequency(String key) {
    return all.documentFrequency(prefix + key);
  }

  /** The same count as {@code documentFrequency(IndexKeys.term(term))}, in one look-up once the term is known. */
  @Override
  public long termFrequency(String term) {
    TermCount known = termCounts.get(term);
    if (known == null) {
      if (termCounts.size() >= TERM_KEYS) {
        termCounts.clear();
      }
      known = new TermCount(all.documentFrequency(prefix + IndexKeys.term(term)));
      termCounts.put(term, known);
    }
    return known.documents;
  }

  private List<String> prefixed(Collection<String> keys) {
    List<String> out = new ArrayList<>(keys.size() + 1);
    for (String key : keys) {
      out.add(prefix + key);
    }
    return out;
  }
}
