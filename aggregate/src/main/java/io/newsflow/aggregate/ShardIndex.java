package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.StoryMember;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
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
 */
final class ShardIndex implements StoryIndex {
  /** Term counts held per shard; more are let go at once, and all whenever the counts were swept. */
  static final int TERM_KEYS = 100_000;

  private final StoryIndex all;
  private final String prefix;
  private final String documentsKey;
  /**
   * By bare term: the live count object, so scoring reads a centroid term's count in one look-up, without
   * building its key (a quarter of the aggregate thread as three look-ups).
   */
  private final Map<String, DocumentFrequencies.Count> termCounts = new HashMap<>();
  private long generation = -1;

  ShardIndex(StoryIndex all, String shard) {
    this.all = all;
    this.prefix = prefix(shard);
    this.documentsKey = prefix + DocumentFrequencies.DOCUMENTS;
  }

  /** What the keys of {@code shard} start with in the task's index. */
  static String prefix(String shard) {
    return shard + "/";
  }

  @Override
  public DocumentFrequencies documentFrequencies() {
    return all.documentFrequencies();
  }

  /** The same count as {@code documentFrequency(IndexKeys.term(term))}, in one look-up once the term is known. */
  @Override
  public long termFrequency(String term) {
    DocumentFrequencies counts = all.documentFrequencies();
    DocumentFrequencies.Count count = generation == counts.generation() ? termCounts.get(term) : null;
    if (count == null) {
      count = counts.counter(prefix + IndexKeys.term(term));
      if (generation != counts.generation() || termCounts.size() >= TERM_KEYS) {
        termCounts.clear();
        generation = counts.generation();
      }
      termCounts.put(term, count);
    }
    return count.n;
  }

  /**
   * The live counts of {@code terms}, in order, and the generation they belong to: valid while
   * {@link DocumentFrequencies#generation()} stays the same. A story view keeps them, so scoring reads a
   * candidate's centroid counts without a look-up per term and article.
   */
  LiveCounts liveCounts(String[] terms) {
    DocumentFrequencies counts = all.documentFrequencies();
    while (true) {
      long before = counts.generation();
      DocumentFrequencies.Count[] live = new DocumentFrequencies.Count[terms.length];
      for (int i = 0; i < terms.length; i++) {
        live[i] = counts.counter(prefix + IndexKeys.term(terms[i]));
      }
      if (counts.generation() == before) {   // a sweep while resolving may have dropped the first ones
        return new LiveCounts(this, before, live);
      }
    }
  }

  /** Counts resolved by {@link #liveCounts}: of this shard, until the counts' generation changes. */
  record LiveCounts(ShardIndex shard, long generation, DocumentFrequencies.Count[] counts) {
    boolean validFor(ShardIndex s) {
      return shard == s && generation == s.documentFrequencies().generation();
    }
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
  public boolean takesArticles(StoryState story) {
    return all.takesArticles(story);
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
