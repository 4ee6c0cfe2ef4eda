package io.newsflow.benchmarks;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * {@link AnalysisCpuRate} for two or more builds at once, for before/after comparisons on a machine
 * other work shares. Separate runs of one build swing by ±30 % as the load changes; here each build
 * is loaded in its own class loader in one JVM, and short rounds of 300 articles alternate between
 * builds, so both meet the same load. Reported per step: the median and best articles per
 * CPU-second, and the median over rounds of each build's rate divided by the first build's in the
 * same round.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.PairedAnalysisCpuRate ROUNDS DIR...},
 * each DIR a copy of {@code benchmarks/target} ({@code benchmarks.jar} and {@code lib/}) of one build.
 */
public final class PairedAnalysisCpuRate {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String[] STEPS = {"whole analysis", "entity recognition", "language detection"};
  private static final int ROUND = 300;

  private interface Step {
    void run(int article) throws ReflectiveOperationException;
  }

  /** One build's analyser, entity recogniser and language detector, fed the same inputs as AnalysisCpuRate. */
  private static final class Build {
    final String name;
    final Step[] steps;
    final List<List<Double>> rates = new ArrayList<>();

    Build(File dir, List<Corpus.Doc> docs) throws ReflectiveOperationException, MalformedURLException {
      name = dir.getName();
      List<URL> urls = new ArrayList<>();
      urls.add(new File(dir, "benchmarks.jar").toURI().toURL());
      File[] libs = new File(dir, "lib").listFiles();
      if (libs == null) {
        throw new IllegalArgumentException(dir + " has no lib/: pass copies of benchmarks/target");
      }
      for (File lib : libs) {
        urls.add(lib.toURI().toURL());
      }
      ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      Class<?> analyzerClass = loader.loadClass("io.newsflow.enrich.text.ArticleAnalyzer");
      Class<?> cleanerClass = loader.loadClass("io.newsflow.enrich.text.TextCleaner");
      Class<?> tokenizerClass = load(loader, "words.Tokenizer");
      Class<?> recognizerClass = load(loader, "entities.EntityRecognizer");
      Class<?> detectorClass = load(loader, "language.LanguageDetector");
      Object analyzer = analyzerClass.getConstructor().newInstance();
      Object cleaner = cleanerClass.getConstructor().newInstance();
      Object tokenizer = tokenizerClass.getConstructor().newInstance();
      Object recognizer = recognizerClass.getConstructor().newInstance();
      Object detector = detectorClass.getConstructor(tokenizerClass).newInstance(tokenizer);
      Method analyze = analyzerClass.getMethod("analyze", String.class, String.class, boolean.class);
      Method cleanTitle = cleanerClass.getMethod("cleanTitle", String.class);
      Method clean = cleanerClass.getMethod("clean", String.class, boolean.class);
      Method tokenize = tokenizerClass.getMethod("tokenize", String.class);
      Method recognize = recognizerClass.getMethod("recognize", String.class, String.class, String.class);
      Method detect = detectorClass.getMethod("detect", String.class, List.class);
      List<String> titles = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      List<Object> tokens = new ArrayList<>();
      for (Corpus.Doc doc : docs) {
        titles.add((String) cleanTitle.invoke(cleaner, doc.title()));
        texts.add((String) clean.invoke(cleaner, doc.body(), false));
        tokens.add(tokenize.invoke(tokenizer, texts.get(texts.size() - 1)));
      }
      steps = new Step[] {
          i -> analyze.invoke(analyzer, docs.get(i).title(), docs.get(i).body(), false),
          i -> recognize.invoke(recognizer, titles.get(i), texts.get(i), "en"),
          i -> detect.invoke(detector, titles.get(i) + "\n" + texts.get(i), tokens.get(i))};
      for (int s = 0; s < STEPS.length; s++) {
        rates.add(new ArrayList<>());
      }
    }
  }

  /**
   * A class of io.newsflow.enrich.text by its name in the package layout, or in the flat package of
   * builds from before the layout, so builds on either side of it can be compared.
   */
  private static Class<?> load(ClassLoader loader, String name) throws ClassNotFoundException {
    try {
      return loader.loadClass("io.newsflow.enrich.text." + name);
    } catch (ClassNotFoundException e) {
      return loader.loadClass("io.newsflow.enrich.text." + name.substring(name.indexOf('.') + 1));
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: PairedAnalysisCpuRate ROUNDS DIR DIR... (copies of benchmarks/target of each build)");
      System.exit(2);
    }
    int rounds = Integer.parseInt(args[0]);
    List<Corpus.Doc> docs = Corpus.load(Corpus.defaultPath());
    if (docs.size() < 2 * ROUND) {
      System.err.println("needs the BBC corpus at " + Corpus.defaultPath().toAbsolutePath() + " (or set NEWSFLOW_CORPUS)");
      System.exit(2);
    }
    List<Build> builds = new ArrayList<>();
    for (int k = 1; k < args.length; k++) {
      builds.add(new Build(new File(args[k]), docs));
    }
    for (Build build : builds) {
      for (Step step : build.steps) {
        rate(step, 0, docs.size()); // warm-up: every article once
      }
    }
    for (int round = 0; round < rounds; round++) {
      int from = round * ROUND % (docs.size() - ROUND);
      for (int s = 0; s < STEPS.length; s++) {
        for (Build build : builds) {
          build.rates.get(s).add(rate(build.steps[s], from, ROUND));
        }
      }
    }
    for (int s = 0; s < STEPS.length; s++) {
      StringBuilder line = new StringBuilder(STEPS[s] + ", articles per CPU-second (median, best, median ratio to " + builds.get(0).name + "):");
      for (Build build : builds) {
        List<Double> rates = build.rates.get(s);
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          ratios.add(rates.get(r) / builds.get(0).rates.get(s).get(r));
        }
        line.append(String.format(Locale.ROOT, "  %s %.0f, %.0f, x%.2f", build.name, median(rates), Collections.max(rates), median(ratios)));
      }
      System.out.println(line);
    }
  }

  private static double rate(Step step, int from, int count) throws ReflectiveOperationException {
    long cpu = THREADS.getCurrentThreadCpuTime();
    for (int i = from; i < from + count; i++) {
      step.run(i);
    }
    return count / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
