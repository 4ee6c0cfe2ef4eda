package io.newsflow.aggregate.evaluation;

import java.util.HashMap;
import java.util.Map;

/**
 * How well predicted stories match labelled clusters: B-cubed (per item: share of its predicted
 * cluster that is truly its own, and of its true cluster that it was put with) and pairwise (over all
 * pairs of items placed together). Items missing from the prediction count as singletons.
 */
public record ClusteringScores(double bcubedPrecision, double bcubedRecall, double pairwisePrecision,
                               double pairwiseRecall) {

  public double bcubedF1() {
    return f1(bcubedPrecision, bcubedRecall);
  }

  public double pairwiseF1() {
    return f1(pairwisePrecision, pairwiseRecall);
  }

  /** Scores {@code predicted} (item → story) against {@code gold} (item → true cluster), over the gold items. */
  public static ClusteringScores score(Map<String, String> gold, Map<String, String> predicted) {
    Map<String, String> pred = new HashMap<>();
    gold.keySet().forEach(item -> pred.put(item, predicted.getOrDefault(item, "\u0000singleton:" + item)));
    Map<String, Integer> goldSizes = sizes(gold);
    Map<String, Integer> predSizes = sizes(pred);
    Map<String, Integer> overlap = new HashMap<>();
    gold.forEach((item, g) -> overlap.merge(g + "\u0000" + pred.get(item), 1, Integer::sum));

    double precision = 0;
    double recall = 0;
    for (Map.Entry<String, String> e : gold.entrySet()) {
      String g = e.getValue();
      String p = pred.get(e.getKey());
      int both = overlap.get(g + "\u0000" + p);
      precision += (double) both / predSizes.get(p);
      recall += (double) both / goldSizes.get(g);
    }
    int n = gold.size();

    long truePairs = overlap.values().stream().mapToLong(ClusteringScores::pairs).sum();
    long predictedPairs = predSizes.values().stream().mapToLong(ClusteringScores::pairs).sum();
    long goldPairs = goldSizes.values().stream().mapToLong(ClusteringScores::pairs).sum();
    return new ClusteringScores(
        n == 0 ? 0 : precision / n,
        n == 0 ? 0 : recall / n,
        predictedPairs == 0 ? 1 : (double) truePairs / predictedPairs,
        goldPairs == 0 ? 1 : (double) truePairs / goldPairs);
  }

  private static Map<String, Integer> sizes(Map<String, String> clustering) {
    Map<String, Integer> sizes = new HashMap<>();
    clustering.values().forEach(c -> sizes.merge(c, 1, Integer::sum));
    return sizes;
  }

  private static long pairs(int size) {
    return (long) size * (size - 1) / 2;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
