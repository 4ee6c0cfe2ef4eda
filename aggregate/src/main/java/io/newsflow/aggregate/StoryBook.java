package io.newsflow.aggregate;

import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.StoryArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.avro.StoryStatus;
import io.newsflow.schemas.avro.WeightedTerm;
import io.newsflow.schemas.avro.internal.StoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies assignments to story state and says what happened as events. Pure: the same state and
 * article always give the same new state and events, with times taken from the article (event time).
 */
public final class StoryBook {
  /** Centroid terms kept per story: enough for cosine, bounded for state size. */
  static final int CENTROID_TERMS = 64;
  /** Detail terms kept per story (ADR 28): names and numbers are many and each story needs its own. */
  static final int DETAIL_TERMS = 100;
  /**
   * Articles listed in a snapshot: the founding one and the most recent. Bounds what every article rewrites
   * and publishes (ADR 29); the full membership is on the assignments topic.
   */
  static final int SNAPSHOT_ARTICLES = 50;
  /**
   * Entities a story keeps, most mentioned first (ADR 24): scoring reads them for every candidate, so an
   * unbounded list made a long replay slower with every article a story took.
   */
  static final int STORY_ENTITIES = 128;

  private final ClusteringSettings settings;

  public StoryBook(ClusteringSettings settings) {
    this.settings = settings;
  }

  public StoryChange found(EnrichedArticle article) {
    String storyId = StoryIds.forFoundingArticle(article.getArticleId());
    Instant time = article.getEventTime();
    StorySnapshot snapshot = StorySnapshot.newBuilder()
        .setStoryId(storyId)
        .setHeadline(article.getTitle())
        .setStatus(StoryStatus.ACTIVE)
        .setLanguage(article.getLanguage())
        .setStartedAt(time)
        .setUpdatedAt(time)
        .setVersion(1)
        .setArticles(List.of(storyArticle(article, ArticleRole.NEW_REPORT)))
        .setArticleCount(1)
        .setSources(List.of(article.getSource()))
        .setEntities(mergeEntities(List.of(), article.getEntities()))
        .build();
    StoryState state = new StoryState(snapshot, centroid(List.of(), article.getTopTerms()),
        years(List.of(), article), details(List.of(), article), subjects(List.of(), article.getSubjects()),
        markedNames(List.of(), article.getMarkedNames()), List.of());
    return new StoryChange(state, List.of(event(snapshot, StoryEventType.STORY_STARTED, 1, time, article,
        ArticleRole.NEW_REPORT, 1.0, 1)));
  }

  public StoryChange add(StoryState current, EnrichedArticle article, Assignment assignment) {
    StorySnapshot before = current.getSnapshot();
    Instant time = article.getEventTime().isAfter(before.getUpdatedAt()) ? article.getEventTime() : before.getUpdatedAt();
    List<StoryArticle> articles = new ArrayList<>(before.getArticles());
    articles.add(storyArticle(article, assignment.role()));
    articles = listed(articles);
    TreeSet<String> sources = new TreeSet<>(before.getSources());
    sources.add(article.getSource());
    List<EntityRef> entities = mergeEntities(before.getEntities(), article.getEntities());
    int count = articleCount(current) + 1;
    long sequence = before.getVersion() + 1;

    List<StoryEvent> events = new ArrayList<>();
    StorySnapshot afterAdd = shallowCopy(before)
        .setUpdatedAt(time).setArticles(articles).setArticleCount(count).setSources(new ArrayList<>(sources))
        .setEntities(entities).setVersion(sequence).build();
    events.add(event(afterAdd, StoryEventType.ARTICLE_ADDED, sequence, article.getEventTime(), article,
        assignment.role(), assignment.score(), count));
    boolean sourcesChanged = sources.size() != before.getSources().size();
    boolean entitiesChanged = !names(top(entities)).equals(names(top(before.getEntities())));
    if (sourcesChanged || entitiesChanged) {
      sequence++;
      afterAdd.setVersion(sequence);
      events.add(event(afterAdd, StoryEventType.STORY_UPDATED, sequence, article.getEventTime(), null, null, null, count));
    }
    boolean exactCopy = assignment.role() == ArticleRole.EXACT_DUPLICATE;
    List<WeightedTerm> centroid = exactCopy ? current.getCentroid() : centroid(current.getCentroid(), article.getTopTerms());
    List<WeightedTerm> details = exactCopy ? current.getDetails() : details(current.getDetails(), article);
    return new StoryChange(new StoryState(afterAdd, centroid, years(current.getYears(), article), details,
        subjects(current.getSubjects(), article.getSubjects()),
        markedNames(current.getMarkedNames(), article.getMarkedNames()), current.getAbsorbedStoryIds()), events);
  }

  /**
   * The years the story's articles name (found in enrich), kept only while the year-conflict signal is on:
   * with weight 0 nothing reads them. Turning the signal on is a clustering change, so it is reprocessed
   * from the start.
   */
  private List<Integer> years(List<Integer> current, EnrichedArticle article) {
    return settings.weights().yearConflict() == 0 ? current
        : YearConflict.union(current, article.getYears());
  }

  /** The story's summed detail terms, kept only while the details signal is on, like the years. */
  private List<WeightedTerm> details(List<WeightedTerm> current, EnrichedArticle article) {
    return settings.weights().details() == 0 ? current : sum(current, article.getDetailTerms(), DETAIL_TERMS);
  }

  /** The story's marked headline subjects (ADR 40), bounded: a story's first headlines say what it is about. */
  private static List<String> subjects(List<String> current, List<String> added) {
    return SubjectConflict.union(current, added, SubjectConflict.STORY_SUBJECTS);
  }

  /** Every name the story's articles mark, bounded like its subjects. */
  private static List<String> markedNames(List<String> current, List<String> added) {
    return SubjectConflict.union(current, added, SubjectConflict.STORY_MARKED_NAMES);
  }

  /** What a merge does to both stories: the survivor's new state and event, and the absorbed story's last. */
  public record Merge(StoryChange survivor, StoryChange absorbed) {}

  /**
   * Folds {@code absorbed} into {@code survivor} because {@code article} bridges them: the survivor
   * takes the absorbed story's articles, sources, entities, terms, content hashes and years and says so with
   * {@code STORIES_MERGED}; the absorbed story ends with {@code STORY_CLOSED} pointing at the survivor
   * (in {@code mergedStoryIds} and its snapshot's {@code mergedInto}). The article itself is added after.
   */
  public Merge merge(StoryState survivor, StoryState absorbed, EnrichedArticle article) {
    StorySnapshot older = survivor.getSnapshot();
    StorySnapshot younger = absorbed.getSnapshot();
    Instant time = article.getEventTime();
    List<StoryArticle> articles = new ArrayList<>(older.getArticles());
    articles.addAll(younger.getArticles());
    articles = listed(articles);
    int count = articleCount(survivor) + articleCount(absorbed);
    TreeSet<String> sources = new TreeSet<>(older.getSources());
    sources.addAll(younger.getSources());
    Instant updated = older.getUpdatedAt().isAfter(younger.getUpdatedAt()) ? older.getUpdatedAt() : younger.getUpdatedAt();
    long sequence = older.getVersion() + 1;
    StorySnapshot merged = shallowCopy(older)
        .setUpdatedAt(updated).setArticles(articles).setArticleCount(count).setSources(new ArrayList<>(sources))
        .setEntities(mergeEntityRefs(older.getEntities(), younger.getEntities())).setVersion(sequence).build();
    StoryEvent mergedEvent = event(merged, StoryEventType.STORIES_MERGED, sequence, time, article, null, null, count);
    mergedEvent.setMergedStoryIds(List.of(younger.getStoryId()));
    StoryChange survivorChange = new StoryChange(
        new StoryState(merged, centroid(survivor.getCentroid(), absorbed.getCentroid()),
            YearConflict.union(survivor.getYears(), absorbed.getYears()),
            sum(survivor.getDetails(), absorbed.getDetails(), DETAIL_TERMS),
            subjects(survivor.getSubjects(), absorbed.getSubjects()),
            markedNames(survivor.getMarkedNames(), absorbed.getMarkedNames()),
            with(survivor.getAbsorbedStoryIds(), younger.getStoryId())), List.of(mergedEvent));

    long last = younger.getVersion() + 1;
    StorySnapshot closed = shallowCopy(younger).setStatus(StoryStatus.CLOSED)
        .setMergedInto(older.getStoryId()).setVersion(last).build();
    StoryEvent closedEvent = event(closed, StoryEventType.STORY_CLOSED, last, time, article, null, null,
        articleCount(absorbed));
    closedEvent.setMergedStoryIds(List.of(older.getStoryId()));
    StoryChange absorbedChange = new StoryChange(
        withSnapshot(absorbed, closed),
        List.of(closedEvent));
    return new Merge(survivorChange, absorbedChange);
  }

  /** True when {@code a} is the older story: started first, ties to the smaller id. */
  static boolean isOlder(StoryState a, StoryState b) {
    int byStart = a.getSnapshot().getStartedAt().compareTo(b.getSnapshot().getStartedAt());
    return byStart != 0 ? byStart < 0 : a.getSnapshot().getStoryId().compareTo(b.getSnapshot().getStoryId()) < 0;
  }

  /** Closes a story idle since before {@code streamTime - idleClose}; null when it stays open. */
  public StoryChange closeIfIdle(StoryState current, Instant streamTime) {
    StorySnapshot before = current.getSnapshot();
    if (before.getStatus() != StoryStatus.ACTIVE
        || before.getUpdatedAt().plus(settings.idleClose()).isAfter(streamTime)) {
      return null;
    }
    long sequence = before.getVersion() + 1;
    Instant closedAt = before.getUpdatedAt().plus(settings.idleClose());
    StorySnapshot closed = shallowCopy(before).setStatus(StoryStatus.CLOSED).setVersion(sequence).build();
    return new StoryChange(withSnapshot(current, closed),
        List.of(event(closed, StoryEventType.STORY_CLOSED, sequence, closedAt, null, null, null, articleCount(current))));
  }

  /** The state with another snapshot, sharing the rest: a builder copy would deep-copy the whole state only to replace it. */
  private static StoryState withSnapshot(StoryState state, StorySnapshot snapshot) {
    return new StoryState(snapshot, state.getCentroid(), state.getYears(), state.getDetails(), state.getSubjects(),
        state.getMarkedNames(), state.getAbsorbedStoryIds());
  }

  /** Articles in the story (a snapshot written before the count existed lists them all). */
  static int articleCount(StoryState state) {
    StorySnapshot s = state.getSnapshot();
    return Math.max(s.getArticleCount(), s.getArticles().size());
  }

  /** The founding article and the most recent, at most {@value #SNAPSHOT_ARTICLES}, in the order they joined. */
  static List<StoryArticle> listed(List<StoryArticle> articles) {
    if (articles.size() <= SNAPSHOT_ARTICLES) {
      return articles;
    }
    List<StoryArticle> kept = new ArrayList<>(SNAPSHOT_ARTICLES);
    kept.add(articles.get(0));
    kept.addAll(articles.subList(articles.size() - (SNAPSHOT_ARTICLES - 1), articles.size()));
    return kept;
  }

  private static List<String> with(List<String> ids, String id) {
    List<String> all = new ArrayList<>(ids);
    all.add(id);
    return all;
  }

  private StoryEvent event(StorySnapshot s, StoryEventType type, long sequence, Instant time, EnrichedArticle article,
                           ArticleRole role, Double similarity, int articleCount) {
    return StoryEvent.newBuilder()
        .setEventId(s.getStoryId() + "-" + sequence)
        .setStoryId(s.getStoryId())
        .setSequence(sequence)
        .setType(type)
        .setEventTime(time)
        .setArticleId(article == null ? null : article.getArticleId())
        .setSource(article == null ? null : article.getSource())
        .setRole(role)
        .setSimilarity(similarity)
        .setHeadline(s.getHeadline())
        .setArticleCount(articleCount)
        .setSources(s.getSources())
        .setTopEntities(top(s.getEntities()))
        .setMergedStoryIds(List.of())
        .build();
  }

  private List<EntityRef> top(List<EntityRef> entities) {
    return entities.subList(0, Math.min(settings.topEntities(), entities.size()));
  }

  private static List<String> names(List<EntityRef> entities) {
    return entities.stream().map(EntityRef::getName).toList();
  }

  private static StoryArticle storyArticle(EnrichedArticle a, ArticleRole role) {
    return StoryArticle.newBuilder()
        .setArticleId(a.getArticleId()).setSource(a.getSource()).setTitle(a.getTitle()).setUrl(a.getUrl())
        .setPublishedAt(a.getEventTime()).setRole(role).build();
  }

  /**
   * A builder holding {@code snapshot}'s own field values: Avro's {@code newBuilder(snapshot)} deep-copies
   * every article and entity, only for most of them to be replaced, once per article decided. Safe because
   * stored snapshots are never mutated; every field is carried (StoryBookTest checks each by identity).
   */
  static StorySnapshot.Builder shallowCopy(StorySnapshot snapshot) {
    return StorySnapshot.newBuilder()
        .setStoryId(snapshot.getStoryId())
        .setHeadline(snapshot.getHeadline())
        .setStatus(snapshot.getStatus())
        .setLanguage(snapshot.getLanguage())
        .setStartedAt(snapshot.getStartedAt())
        .setUpdatedAt(snapshot.getUpdatedAt())
        .setVersion(snapshot.getVersion())
        .setArticles(snapshot.getArticles())
        .setArticleCount(snapshot.getArticleCount())
        .setSources(snapshot.getSources())
        .setEntities(snapshot.getEntities())
        .setMergedInto(snapshot.getMergedInto());
  }

  /** Story entities by mentions (desc), then name: a stable order for events and snapshots. */
  static List<EntityRef> mergeEntities(List<EntityRef> current, List<Entity> added) {
    // Any map order will do: the sort below orders every (type, name) pair, and stored entities are never
    // mutated, so the story's own are kept as they are rather than copied for every article it takes.
    Map<EntityKey, EntityRef> byKey = new HashMap<>(current.size() * 2 + added.size() * 2);
    for (EntityRef e : current) {
      byKey.put(new EntityKey(e.getType(), e.getName()), e);
    }
    for (Entity e : added) {
      byKey.merge(new EntityKey(e.getType(), e.getName()),
          new EntityRef(e.getName(), e.getType(), e.getMentions()),
          (a, b) -> new EntityRef(a.getName(), a.getType(), a.getMentions() + b.getMentions()));
    }
    List<EntityRef> sorted = new ArrayList<>(byKey.values());
    sorted.sort(Comparator.comparingInt(EntityRef::getMentions).reversed().thenComparing(EntityRef::getName)
        .thenComparing(e -> e.getType().name()));
    return sorted.size() > STORY_ENTITIES ? new ArrayList<>(sorted.subList(0, STORY_ENTITIES)) : sorted;
  }

  private record EntityKey(EntityType type, String name) {}

  private static List<EntityRef> mergeEntityRefs(List<EntityRef> current, List<EntityRef> added) {
    List<Entity> asEntities = added.stream()
        .map(e -> new Entity(e.getName(), e.getType(), List.of(e.getName()), e.getMentions(), 0.0)).toList();
    return mergeEntities(current, asEntities);
  }

  static List<WeightedTerm> centroid(List<WeightedTerm> current, List<WeightedTerm> added) {
    return sum(current, added, CENTROID_TERMS);
  }

  /** Two term vectors summed, the {@code limit} heaviest kept: weight desc, then term, so the cut is stable. */
  static List<WeightedTerm> sum(List<WeightedTerm> current, List<WeightedTerm> added, int limit) {
    Map<String, Double> sums = new HashMap<>();
    current.forEach(t -> sums.merge(t.getTerm(), t.getWeight(), Double::sum));
    added.forEach(t -> sums.merge(t.getTerm(), t.getWeight(), Double::sum));
    return sums.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .map(e -> new WeightedTerm(e.getKey(), e.getValue()))
        .toList();
  }
}
