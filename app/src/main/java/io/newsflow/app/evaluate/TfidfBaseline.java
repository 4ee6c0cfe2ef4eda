package io.newsflow.app.evaluate;

import io.newsflow.aggregate.evaluation.ClusteringScores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference the story model must beat (issue 21): a single pass over the documents in order, each joining the
 * story whose summed tf-idf vector is closest by cosine if that cosine reaches the threshold, else founding a story.
 * A document's weights are (1 + ln tf) × ln(N / df), scaled to unit length, with the document frequencies counted
 * once over all the documents given (not as the stream goes), stop words and tokens of at most 2 characters left
 * out; a story's vector is the sum of its documents'. Deliberately nothing more, so that it stays a fixed yardstick.
 */
public final class TfidfBaseline {
  /** Thresholds tried when tuning: 0.01 to 0.60 in steps of 0.01. */
  static final int GRID_STEPS = 60;
  static final double GRID_STEP = 0.01;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** A document to cluster: its id and its whole text (headline and body). */
  public record Document(String id, String text) {
    public static Document of(LabelledDocument d) {
      return new Document(d.docId(), d.title() == null || d.title().isBlank() ? d.text() : d.title() + "\n" + d.text());
    }
  }

  private final Set<String> stopwords;

  /** @param stopwords lower-case words left out of the vectors */
  public TfidfBaseline(Set<String> stopwords) {
    this.stopwords = Set.copyOf(stopwords);
  }

  /** Document id → story id (the id of the story's founding document), deciding in the order given. */
  public Map<String, String> stories(List<Document> docs, double threshold) {
    return cluster(vectors(docs), docs, threshold);
  }

  /**
   * The grid threshold with the best B-cubed F1 against {@code gold} (document id → cluster) on {@code docs} in
   * their order; the lowest of equals.
   */
  public double tune(List<Document> docs, Map<String, String> gold) {
    List<Map<String, Double>> vectors = vectors(docs);
    double best = GRID_STEP;
    double bestF1 = -1;
    for (int step = 1; step <= GRID_STEPS; step++) {
      double threshold = Math.round(step * GRID_STEP * 100) / 100.0;
      double f1 = ClusteringScores.score(gold, cluster(vectors, docs, threshold)).bcubedF1();
      if (f1 > bestF1) {
        bestF1 = f1;
        best = threshold;
      }
    }
    return best;
  }

  /** Each document's unit-length tf-idf vector, in the order given. */
  List<Map<String, Double>> vectors(List<Document> docs) {
    List<Map<String, Integer>> counts = new ArrayList<>();
    Map<String, Integer> df = new HashMap<>();
    for (Document d : docs) {
      Map<String, Integer> tf = termCounts(d.text());
      counts.add(tf);
      tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
    }
    List<Map<String, Double>> vectors = new ArrayList<>();
    int n = docs.size();
    for (Map<String, Integer> tf : counts) {
      Map<String, Double> v = new LinkedHashMap<>();
      double norm = 0;
      for (Map.Entry<String, Integer> e : tf.entrySet()) {
        double w = (1 + Math.log(e.getValue())) * Math.log((double) n / df.get(e.getKey()));
        if (w > 0) {
          v.put(e.getKey(), w);
          norm += w * w;
        }
      }
      double length = Math.sqrt(norm);
      v.replaceAll((t, w) -> w / length);
      vectors.add(v);
    }
    return vectors;
  }

  Map<String, Integer> termCounts(String text) {
    Map<String, Integer> tf = new LinkedHashMap<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String token = m.group();
      if (token.length() > 2 && !stopwords.contains(token)) {
        tf.merge(token, 1, Integer::sum);
      }
    }
    return tf;
  }

  private static Map<String, String> cluster(List<Map<String, Double>> vectors, List<Document> docs, double threshold) {
    List<String> storyIds = new ArrayList<>();
    // Each story's summed vector and its squared length, kept as documents join.
    List<Map<String, Double>> sums = new ArrayList<>();
    List<double[]> squaredLengths = new ArrayList<>();
    // Term → stories whose sum holds it, so a document is compared only with stories it shares a term with.
    Map<String, List<Integer>> storiesOfTerm = new HashMap<>();
    Map<String, String> storyOf = new LinkedHashMap<>();
    for (int i = 0; i < docs.size(); i++) {
      Map<String, Double> v = vectors.get(i);
      Map<Integer, Double> dots = new HashMap<>();
      v.forEach((term, w) -> {
        for (int s : storiesOfTerm.getOrDefault(term, List.of())) {
          dots.merge(s, w * sums.get(s).get(term), Double::sum);
        }
      });
      int best = -1;
      double bestCosine = 0;
      for (Map.Entry<Integer, Double> e : dots.entrySet()) {
        double cosine = e.getValue() / Math.sqrt(squaredLengths.get(e.getKey())[0]);
        // The earlier story of two equally close, so the result does not depend on hash order.
        if (cosine > bestCosine || (cosine == bestCosine && best >= 0 && e.getKey() < best)) {
          best = e.getKey();
          bestCosine = cosine;
        }
      }
      if (best < 0 || bestCosine < threshold) {
        best = storyIds.size();
        storyIds.add(docs.get(i).id());
        sums.add(new HashMap<>());
        squaredLengths.add(new double[1]);
      }
      Map<String, Double> sum = sums.get(best);
      double[] squared = squaredLengths.get(best);
      for (Map.Entry<String, Double> e : v.entrySet()) {
        Double old = sum.get(e.getKey());
        double now = (old == null ? 0 : old) + e.getValue();
        if (old == null) {
          storiesOfTerm.computeIfAbsent(e.getKey(), t -> new ArrayList<>()).add(best);
        }
        squared[0] += now * now - (old == null ? 0 : old * old);
        sum.put(e.getKey(), now);
      }
      storyOf.put(docs.get(i).id(), storyIds.get(best));
    }
    return storyOf;
  }
}
