package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.StoryMember;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The story index in plain maps: for fitting and evaluating clustering offline, without Kafka. */
public final class InMemoryStoryIndex implements StoryIndex {
  private final Map<String, StoryState> stories = new HashMap<>();
  private final CandidateIndex candidates;
  private final DocumentFrequencies frequencies;
  private long sequence;

  public InMemoryStoryIndex(int maxPostingsPerKey) {
    this(maxPostingsPerKey, ClusteringSettings.DEFAULT_DOCUMENT_WINDOW);
  }

  public InMemoryStoryIndex(int maxPostingsPerKey, int documentWindow) {
    this(maxPostingsPerKey, documentWindow, DocumentFrequencyPrior.NONE);
  }

  /** An unsharded index whose counts start from {@code prior} (its keys unprefixed). */
  public InMemoryStoryIndex(int maxPostingsPerKey, int documentWindow, DocumentFrequencyPrior prior) {
    this.candidates = new CandidateIndex(maxPostingsPerKey);
    this.frequencies = new DocumentFrequencies(documentWindow, prior);
  }

  /** The index an offline replay under {@code settings} decides with: English text, so the English prior when on. */
  public static InMemoryStoryIndex of(ClusteringSettings settings) {
    return new InMemoryStoryIndex(settings.maxPostingsPerKey(), settings.documentWindow(),
        DocumentFrequencyPrior.of(settings, ""));
  }

  @Override
  public DocumentFrequencies documentFrequencies() {
    return frequencies;
  }

  @Override
  public List<Posting> postings(String key) {
    return candidates.postings(key);
  }

  @Override
  public int[] signature(String articleId) {
    return candidates.signature(articleId);
  }

  @Override
  public StoryState story(String storyId) {
    return stories.get(storyId);
  }

  @Override
  public long documents() {
    return frequencies.frequency(DocumentFrequencies.DOCUMENTS);
  }

  @Override
  public long documentFrequency(String key) {
    return frequencies.frequency(key);
  }

  @Override
  public void putStory(StoryState state) {
    stories.put(state.getSnapshot().getStoryId(), state);
  }

  @Override
  public void index(String storyId, IndexedArticle article, List<String> keys) {
    candidates.add(StoryMembers.member(storyId, article, keys, sequence++));
  }

  @Override
  public List<StoryMember> members(String storyId) {
    return candidates.members(storyId);
  }

  @Override
  public void remove(String storyId) {
    stories.remove(storyId);
    candidates.remove(storyId);
  }

  @Override
  public void countDocument(Instant eventTime, Collection<String> keys) {
    frequencies.count(new DocumentFrequencies.Counted(eventTime.toEpochMilli(), sequence++,
        DocumentFrequencies.withDocumentCount(keys)));
  }

  /** The stories held: the active ones and those folded into them. */
  public Collection<StoryState> stories() {
    return stories.values();
  }

  /** Index keys with a live posting. */
  public int indexKeys() {
    return candidates.keys();
  }

  /** Articles with a signature: the members of the stories held. */
  public int indexedArticles() {
    return candidates.articles();
  }
}
