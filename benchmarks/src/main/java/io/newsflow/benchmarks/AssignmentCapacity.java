package io.newsflow.benchmarks;

import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.InMemoryStoryIndex;
import io.newsflow.aggregate.StoryClusterer;
import io.newsflow.enrich.text.MinHasher;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Fingerprints;
import io.newsflow.schemas.avro.WeightedTerm;
import io.newsflow.schemas.serde.AvroTrust;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Capacity of story assignment with a large index: {@link StoryClusterer#accept} on one thread of
 * synthetic articles until {@code N} (default 1 million) are indexed in active stories, printing the
 * rate of each tenth; the last tenth is the capacity with about N articles indexed. Rates are per CPU
 * second of the assigning thread (and by the wall clock), so other work on the machine does not
 * change the figure. The index is
 * built by the very code measured. Articles: a quarter are near copies of a recent article (LSH
 * path), half report one of the 20,000 most recent topics in other words (the scoring path), a
 * quarter start a topic, so stories average about four articles. A topic has words and names of its
 * own plus common ones drawn from Zipf-like vocabularies, so common keys have full posting lists and
 * every article finds candidates to score. Run with a heap of about 10 GB for 1 million (the in-memory index keeps
 * every band key of every article, as the RocksDB store does on disk).
 *
 * <pre>java -Xmx10g -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.AssignmentCapacity [N]</pre>
 */
public final class AssignmentCapacity {
  static final int TERMS = 100_000;
  static final int ENTITIES = 50_000;
  static final int RECENT_TOPICS = 20_000;
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private final Random random = new Random(20261122);
  private final MinHasher hasher = new MinHasher();
  private final List<Topic> recent = new ArrayList<>();
  private final List<EnrichedArticle> recentArticles = new ArrayList<>();
  private int topics;
  /** Event time between two articles. */
  private final long spacingMillis;

  AssignmentCapacity() {
    this(100);
  }

  AssignmentCapacity(long spacingMillis) {
    this.spacingMillis = spacingMillis;
  }

  /** A topic: the words and names its reports share. */
  private record Topic(List<Integer> terms, List<Integer> entities) {}

  public static void main(String[] args) {
    AvroTrust.trustGeneratedClasses();
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    new AssignmentCapacity().run(total);
  }

  void run(int total) {
    ClusteringSettings settings = ClusteringSettings.defaults();
    InMemoryStoryIndex index = InMemoryStoryIndex.of(settings);
    StoryClusterer clusterer = new StoryClusterer(settings);
    int slice = total / 10;
    int joined = 0;
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sliceStart = System.nanoTime();
    long sliceCpu = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < total; i++) {
      StoryClusterer.Outcome outcome = clusterer.accept(next(i), index);
      if (!outcome.decision().foundsStory()) {
        joined++;
      }
      if ((i + 1) % slice == 0) {
        double seconds = (System.nanoTime() - sliceStart) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - sliceCpu) / 1e9;
        System.out.printf(Locale.ROOT, "indexed %,d: last %,d at %,.0f articles per CPU second of this thread "
                + "(%.1f µs each; %,.0f/s by the wall clock); joined a story %,d; stories %,d; heap %,d MB%n",
            i + 1, slice, slice / cpuSeconds, cpuSeconds * 1e6 / slice, slice / seconds, joined,
            index.stories().size(), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        sliceStart = System.nanoTime();
        sliceCpu = cpu.getCurrentThreadCpuTime();
      }
    }
  }

  EnrichedArticle next(int i) {
    Instant time = START.plusMillis(spacingMillis * i);
    double kind = random.nextDouble();
    if (kind < 0.25 && !recentArticles.isEmpty()) {
      return nearCopy(recentArticles.get(random.nextInt(recentArticles.size())), i, time);
    }
    Topic topic = kind < 0.75 && !recent.isEmpty() ? recent.get(random.nextInt(recent.size())) : newTopic();
    EnrichedArticle article = report(topic, i, time);
    remember(recentArticles, article);
    return article;
  }

  private Topic newTopic() {
    int id = topics++;
    List<Integer> terms = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      terms.add(TERMS + id * 8 + t);
    }
    for (int t = 0; t < 4; t++) {
      terms.add(zipf(TERMS));
    }
    List<Integer> entities = List.of(ENTITIES + id * 2, ENTITIES + id * 2 + 1, zipf(ENTITIES));
    Topic topic = new Topic(terms, entities);
    remember(recent, topic);
    return topic;
  }

  private <T> void remember(List<T> list, T item) {
    if (list.size() < RECENT_TOPICS) {
      list.add(item);
    } else {
      list.set(random.nextInt(RECENT_TOPICS), item);
    }
  }

  /** Skewed like word frequencies: low ranks are common. */
  private int zipf(int n) {
    return (int) Math.min(n - 1, Math.floor(Math.exp(random.nextDouble() * Math.log(n))) - 1);
  }

  private EnrichedArticle report(Topic topic, int i, Instant time) {
    List<WeightedTerm> terms = new ArrayList<>();
    for (int t = 0; t < 12; t++) {
      // Two thirds of the words are the topic's, the rest the article's own.
      int term = t < 8 ? topic.terms().get(random.nextInt(topic.terms().size())) : zipf(TERMS);
      terms.add(new WeightedTerm("w" + term, 0.1 + random.nextDouble()));
    }
    List<WeightedTerm> details = new ArrayList<>();
    for (int d = 0; d < 20; d++) {
      // Names and numbers: half the event's, half the article's own.
      int detail = d < 10 ? topic.terms().get(random.nextInt(topic.terms().size())) : zipf(TERMS);
      details.add(new WeightedTerm("d" + detail, 0.1 + random.nextDouble()));
    }
    List<Entity> entities = new ArrayList<>();
    for (int e = 0; e < topic.entities().size(); e++) {
      String name = "Entity " + topic.entities().get(e);
      entities.add(new Entity(name, EntityType.values()[topic.entities().get(e) % 3], List.of(name), 1 + random.nextInt(4),
          random.nextDouble()));
    }
    int[] signature = new int[MinHasher.DEFAULT_NUM_HASHES];
    for (int s = 0; s < signature.length; s++) {
      signature[s] = random.nextInt();
    }
    return article("a" + i, terms.get(0).getTerm() + " " + terms.get(1).getTerm(), time, signature, terms, details,
        entities);
  }

  private EnrichedArticle nearCopy(EnrichedArticle original, int i, Instant time) {
    int[] signature = original.getFingerprints().getMinHash().stream().mapToInt(Integer::intValue).toArray();
    for (int s = 0; s < 16; s++) {
      signature[random.nextInt(signature.length)] = random.nextInt();
    }
    return article("a" + i, original.getTitle(), time, signature, original.getTopTerms(), original.getDetailTerms(),
        original.getEntities());
  }

  private EnrichedArticle article(String id, String title, Instant time, int[] signature, List<WeightedTerm> terms,
                                  List<WeightedTerm> details, List<Entity> entities) {
    return EnrichedArticle.newBuilder()
        .setArticleId(id).setSource("source" + random.nextInt(50)).setUrl(null).setTitle(title)
        .setCleanText(title).setLanguage("en").setEventTime(time).setWordCount(400)
        .setEntities(entities)
        .setFingerprints(new Fingerprints(Integer.toHexString(Arrays.hashCode(signature)) + id, "0000000000000000",
            Arrays.stream(signature).boxed().toList(), hasher.lshBands(signature)))
        .setTopTerms(terms)
        .setDetailTerms(details)
        .build();
  }
}
