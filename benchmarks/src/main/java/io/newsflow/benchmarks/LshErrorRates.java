package io.newsflow.benchmarks;

import io.newsflow.enrich.text.MinHasher;
import io.newsflow.enrich.text.TextCleaner;
import io.newsflow.enrich.text.words.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Measures how well the MinHash band keys (128 hashes, 32 bands of 4 rows, word 3-shingles) find
 * near duplicates in real text, for issue 4. Near duplicates: BBC articles with sentences dropped,
 * sentences inserted from another article of the same topic, or words substituted, at several
 * rates, plus every pair in the corpus's byte-identical groups. Non-duplicates: random pairs of
 * different articles from the same topic folder (the hardest honest negatives: shared vocabulary).
 * Prints, per bucket of true shingle Jaccard, the share of pairs that share a band key next to the
 * S-curve {@code 1-(1-J^4)^32} averaged over the same pairs, then the false-positive rate
 * (non-duplicates with J &lt; 0.3 that collide) and false-negative rate (pairs with J &ge; 0.5 that
 * do not).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.LshErrorRates [CORPUS]}.
 */
public final class LshErrorRates {

  static final double[] RATES = {0.05, 0.1, 0.2, 0.3, 0.5};
  static final int ORIGINALS = 400;
  static final int NON_DUPLICATES = 20_000;

  private final TextCleaner cleaner = new TextCleaner();
  private final Tokenizer tokenizer = new Tokenizer();
  private final MinHasher minHasher = new MinHasher();

  /** A pair's true Jaccard and whether its band keys meet. */
  record Outcome(double jaccard, boolean candidate) {}

  public static void main(String[] args) {
    Path root = args.length > 0 ? Path.of(args[0]) : Corpus.defaultPath();
    List<Corpus.Doc> docs = Corpus.load(root);
    if (docs.size() < 100) {
      System.err.println("needs the BBC corpus: none at " + root.toAbsolutePath() + " (pass its path or set NEWSFLOW_CORPUS)");
      System.exit(2);
    }
    new LshErrorRates().run(docs);
  }

  void run(List<Corpus.Doc> docs) {
    Random random = new Random(20261122);
    List<String> texts = docs.stream().map(d -> cleaner.clean(d.body(), false)).toList();
    Map<String, List<Integer>> byTopic = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      byTopic.computeIfAbsent(docs.get(i).topic(), t -> new ArrayList<>()).add(i);
    }

    List<Outcome> duplicates = new ArrayList<>();
    for (int n = 0; n < ORIGINALS; n++) {
      int i = random.nextInt(texts.size());
      String original = texts.get(i);
      String donor = texts.get(sameTopicOther(byTopic.get(docs.get(i).topic()), i, random));
      for (double rate : RATES) {
        duplicates.add(compare(original, Edits.dropSentences(original, rate, random)));
        duplicates.add(compare(original, Edits.insertSentences(original, rate, donor, random)));
        duplicates.add(compare(original, Edits.substituteWords(original, rate, donor, random)));
      }
    }
    int identical = 0;
    Map<String, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      groups.computeIfAbsent(docs.get(i).title() + "\n" + docs.get(i).body(), k -> new ArrayList<>()).add(i);
    }
    for (List<Integer> group : groups.values()) {
      for (int a = 0; a < group.size(); a++) {
        for (int b = a + 1; b < group.size(); b++) {
          duplicates.add(compare(texts.get(group.get(a)), texts.get(group.get(b))));
          identical++;
        }
      }
    }

    List<Outcome> others = new ArrayList<>();
    List<List<Integer>> topics = new ArrayList<>(byTopic.values());
    while (others.size() < NON_DUPLICATES) {
      List<Integer> topic = topics.get(random.nextInt(topics.size()));
      int a = topic.get(random.nextInt(topic.size()));
      int b = sameTopicOther(topic, a, random);
      if (!texts.get(a).equals(texts.get(b))) {
        others.add(compare(texts.get(a), texts.get(b)));
      }
    }

    System.out.printf("corpus: %d articles; near-duplicate pairs: %d (%d byte-identical); non-duplicate pairs: %d%n",
        docs.size(), duplicates.size(), identical, others.size());
    List<Outcome> all = new ArrayList<>(duplicates);
    all.addAll(others);
    printBuckets(all);
    long fpBase = others.stream().filter(o -> o.jaccard() < 0.3).count();
    long fp = others.stream().filter(o -> o.jaccard() < 0.3 && o.candidate()).count();
    long fnBase = all.stream().filter(o -> o.jaccard() >= 0.5).count();
    long fn = all.stream().filter(o -> o.jaccard() >= 0.5 && !o.candidate()).count();
    System.out.printf("false positives (non-duplicates, J < 0.3, share a band): %d / %d = %.5f (theory %.5f)%n",
        fp, fpBase, (double) fp / fpBase, meanTheory(others.stream().filter(o -> o.jaccard() < 0.3).toList()));
    System.out.printf("false negatives (J >= 0.5, share no band): %d / %d = %.5f (theory %.5f)%n",
        fn, fnBase, (double) fn / fnBase,
        1 - meanTheory(all.stream().filter(o -> o.jaccard() >= 0.5).toList()));
  }

  private Outcome compare(String a, String b) {
    List<String> ta = tokenizer.tokenize(a);
    List<String> tb = tokenizer.tokenize(b);
    Set<String> sa = new HashSet<>(minHasher.shingles(ta));
    Set<String> sb = new HashSet<>(minHasher.shingles(tb));
    Set<String> union = new HashSet<>(sa);
    union.addAll(sb);
    sa.retainAll(sb);
    double jaccard = union.isEmpty() ? 0 : (double) sa.size() / union.size();
    Set<String> keys = new HashSet<>(minHasher.lshBands(minHasher.signatureOfTokens(ta)));
    keys.retainAll(minHasher.lshBands(minHasher.signatureOfTokens(tb)));
    return new Outcome(jaccard, !keys.isEmpty());
  }

  private static void printBuckets(List<Outcome> outcomes) {
    System.out.println("| true Jaccard | pairs | share a band (measured) | 1-(1-J^4)^32 (theory) |");
    System.out.println("|---|---|---|---|");
    for (int bucket = 0; bucket < 10; bucket++) {
      double lo = bucket / 10.0;
      double hi = bucket == 9 ? 1.0001 : (bucket + 1) / 10.0;
      List<Outcome> in = outcomes.stream().filter(o -> o.jaccard() >= lo && o.jaccard() < hi).toList();
      if (in.isEmpty()) {
        continue;
      }
      double measured = in.stream().filter(Outcome::candidate).count() / (double) in.size();
      System.out.printf("| %.1f–%.1f | %d | %.4f | %.4f |%n", lo, Math.min(hi, 1.0), in.size(), measured, meanTheory(in));
    }
  }

  private static double meanTheory(List<Outcome> outcomes) {
    return outcomes.stream().mapToDouble(o -> 1 - Math.pow(1 - Math.pow(o.jaccard(), 4), 32)).average().orElse(0);
  }

  private static int sameTopicOther(List<Integer> topic, int not, Random random) {
    int other;
    do {
      other = topic.get(random.nextInt(topic.size()));
    } while (other == not);
    return other;
  }
}
