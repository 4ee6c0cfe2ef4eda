package io.newsflow.benchmarks;

import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.enrich.text.MinHasher;
import io.newsflow.enrich.text.SimHasher;
import io.newsflow.enrich.text.TextCleaner;
import io.newsflow.enrich.text.entities.EntityRecognizer;
import io.newsflow.enrich.text.language.LanguageDetector;
import io.newsflow.enrich.text.words.Tokenizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The text kernels on one realistic article (the BBC article closest to 3 KB, or a built-in one):
 * each score is articles/s for that step alone; tokens/s is the score times {@link #tokens}, printed
 * at setup. Every step gets the input the analyser gives it (clean text, or its tokens).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextKernelBenchmarks {

  private final Tokenizer tokenizer = new Tokenizer();
  private final EntityRecognizer recognizer = new EntityRecognizer();
  private final SimHasher simHasher = new SimHasher(tokenizer);
  private final MinHasher minHasher = new MinHasher();
  private final ArticleAnalyzer analyzer = new ArticleAnalyzer();
  private final TextCleaner cleaner = new TextCleaner();
  private final LanguageDetector languageDetector = new LanguageDetector(tokenizer);

  private Corpus.Doc doc;
  private String title;
  private String clean;
  private List<String> tokens;
  private int[] signature;

  @Setup
  public void setUp() {
    doc = Corpus.closestTo(Corpus.load(Corpus.defaultPath()), 3000);
    title = cleaner.cleanTitle(doc.title());
    clean = cleaner.clean(doc.body(), false);
    tokens = tokenizer.tokenize(clean);
    signature = minHasher.signatureOfTokens(tokens);
    System.out.printf("%narticle %s/%s: %d chars, %d tokens%n", doc.topic(), doc.name(), doc.body().length(),
        tokens.size());
  }

  /** Not a kernel the issues name, but the first step of every analysis: here to account for its cost. */
  @Benchmark
  public String clean() {
    return cleaner.clean(doc.body(), false);
  }

  /** OpenNLP's model on the headline and the first LanguageDetector.MAX_CHARS characters, as the analyser calls it. */
  @Benchmark
  public String detectLanguage() {
    return languageDetector.detect(title + "\n" + clean, tokens);
  }

  @Benchmark
  public List<String> tokenize() {
    return tokenizer.tokenize(clean);
  }

  /** Slow to warm (the tagger's feature code compiles late): 2 s warm-ups measured it 4x too slow. */
  @Benchmark
  @Warmup(iterations = 3, time = 8)
  public Object recognizeEntities() {
    return recognizer.recognize(title, clean, "en");
  }

  @Benchmark
  public long simHash() {
    return simHasher.simHashTokens(tokens);
  }

  @Benchmark
  public int[] minHashSignature() {
    return minHasher.signatureOfTokens(tokens);
  }

  @Benchmark
  public List<String> lshBandKeys() {
    return minHasher.lshBands(signature);
  }

  /** The whole analysis from raw body: cleaning, language, entities, every fingerprint, top terms. */
  @Benchmark
  @Warmup(iterations = 3, time = 8)
  public Object analyzeArticle() {
    return analyzer.analyze(doc.title(), doc.body(), false);
  }
}
