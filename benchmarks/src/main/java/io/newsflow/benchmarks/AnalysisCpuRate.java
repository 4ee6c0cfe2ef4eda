package io.newsflow.benchmarks;

import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.enrich.text.TextCleaner;
import io.newsflow.enrich.text.entities.EntityRecognizer;
import io.newsflow.enrich.text.language.LanguageDetector;
import io.newsflow.enrich.text.words.Tokenizer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Articles per CPU-second of this thread for the whole analysis, language detection and entity
 * recognition over every article of the BBC corpus. On a machine shared with other work, wall-clock
 * throughput (JMH) swings by several times between runs; the thread's CPU time swings much less, so
 * before/after comparisons use this. Each step gets the input the analyser gives it; one untimed pass
 * warms the JIT first.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.AnalysisCpuRate [passes] [CORPUS]}.
 */
public final class AnalysisCpuRate {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  public static void main(String[] args) {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Path root = args.length > 1 ? Path.of(args[1]) : Corpus.defaultPath();
    List<Corpus.Doc> docs = Corpus.load(root);
    if (docs.size() < 100) {
      System.err.println("needs the BBC corpus: none at " + root.toAbsolutePath() + " (pass its path or set NEWSFLOW_CORPUS)");
      System.exit(2);
    }
    TextCleaner cleaner = new TextCleaner();
    Tokenizer tokenizer = new Tokenizer();
    List<String> titles = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    List<List<String>> tokens = new ArrayList<>();
    for (Corpus.Doc doc : docs) {
      titles.add(cleaner.cleanTitle(doc.title()));
      texts.add(cleaner.clean(doc.body(), false));
      tokens.add(tokenizer.tokenize(texts.get(texts.size() - 1)));
    }
    ArticleAnalyzer analyzer = new ArticleAnalyzer();
    LanguageDetector detector = new LanguageDetector(tokenizer);
    EntityRecognizer recognizer = new EntityRecognizer();
    int n = docs.size();
    measure("whole analysis", n, passes, i -> analyzer.analyze(docs.get(i).title(), docs.get(i).body(), false));
    measure("language detection", n, passes, i -> detector.detect(titles.get(i) + "\n" + texts.get(i), tokens.get(i)));
    measure("entity recognition", n, passes, i -> recognizer.recognize(titles.get(i), texts.get(i), "en"));
  }

  private static void measure(String step, int articles, int passes, IntConsumer work) {
    for (int i = 0; i < articles; i++) {
      work.accept(i); // warm-up
    }
    for (int pass = 1; pass <= passes; pass++) {
      long cpu = THREADS.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (int i = 0; i < articles; i++) {
        work.accept(i);
      }
      double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
      double wallSeconds = (System.nanoTime() - wall) / 1e9;
      System.out.printf(Locale.ROOT, "%s, pass %d: %.0f articles per CPU-second (%.0f per second wall), %d articles%n",
          step, pass, articles / cpuSeconds, articles / wallSeconds, articles);
    }
  }
}
