package io.newsflow.benchmarks;

import io.newsflow.aggregate.ClusteringSettings;
import io.newsflow.aggregate.InMemoryStoryIndex;
import io.newsflow.aggregate.StoryClusterer;
import io.newsflow.enrich.ArticleEnricher;
import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.serde.AvroTrust;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Story assignment: {@link StoryClusterer#accept} of {@value #BATCH} articles into an
 * {@link InMemoryStoryIndex} that already holds {@value #PREFILL} enriched articles (the BBC corpus
 * shuffled, or edited copies of the built-in article without it). Accepting changes the index, so
 * each iteration rebuilds the prefilled index and times one pass over the same batch (single shot,
 * score per article); the prefill runs the same code, so the batch is timed warm.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class AssignmentBenchmark {

  static final int PREFILL = 2000;
  static final int BATCH = 200;

  private final ClusteringSettings settings = ClusteringSettings.defaults();
  private List<EnrichedArticle> articles;
  private InMemoryStoryIndex index;
  private StoryClusterer clusterer;

  @Setup(Level.Trial)
  public void enrichCorpus() {
    // Avro refuses to build our generated classes outside a serde until their package is trusted
    AvroTrust.trustGeneratedClasses();
    List<Corpus.Doc> docs = new ArrayList<>(Corpus.load(Corpus.defaultPath()));
    if (docs.size() < PREFILL + BATCH) {
      docs = editedCopies(PREFILL + BATCH);
    }
    Collections.shuffle(docs, new Random(20261122));
    ArticleEnricher enricher = new ArticleEnricher(new ArticleAnalyzer(), Integer.MAX_VALUE);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    articles = new ArrayList<>();
    for (int i = 0; i < PREFILL + BATCH; i++) {
      Corpus.Doc doc = docs.get(i);
      articles.add(enricher.enrich(RawArticle.newBuilder()
          .setArticleId(doc.topic() + "-" + doc.name() + "-" + i)
          .setSource("bbc")
          .setTitle(doc.title())
          .setBody(doc.body())
          .setBodyFormat(BodyFormat.TEXT)
          // a story's articles arrive over minutes, not days: nothing closes as idle mid-run
          .setIngestedAt(start.plusSeconds(30L * i))
          .setOrigin("benchmark")
          .setRevision(1)
          .build()));
    }
  }

  @Setup(Level.Iteration)
  public void prefill() {
    index = InMemoryStoryIndex.of(settings);
    clusterer = new StoryClusterer(settings);
    for (int i = 0; i < PREFILL; i++) {
      clusterer.accept(articles.get(i), index);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void accept(Blackhole blackhole) {
    for (int i = PREFILL; i < PREFILL + BATCH; i++) {
      blackhole.consume(clusterer.accept(articles.get(i), index));
    }
  }

  private static List<Corpus.Doc> editedCopies(int n) {
    Random random = new Random(7);
    String body = BuiltIn.ARTICLE.body();
    List<Corpus.Doc> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String edited = Edits.substituteWords(Edits.dropSentences(body, 0.5, random), 0.3, body, random);
      docs.add(new Corpus.Doc("built-in", Integer.toString(i), BuiltIn.ARTICLE.title(), edited));
    }
    return docs;
  }
}
