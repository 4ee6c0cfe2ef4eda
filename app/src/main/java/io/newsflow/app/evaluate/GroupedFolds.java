package io.newsflow.app.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents split into K folds for cross-validation, each event ({@link LabelledDocument#event()}) whole in one
 * fold: a fold scored on an event whose other reports were learned from would overstate what unseen news gets.
 * Events go, largest first (then by name), to the fold with the fewest documents so far (then the first), so the
 * folds are as even as whole events allow and the split does not depend on file order.
 */
public final class GroupedFolds {
  private GroupedFolds() {}

  /** {@code k} folds, each holding its documents in the order given. */
  public static List<List<LabelledDocument>> of(List<LabelledDocument> docs, int k) {
    Map<String, Integer> sizes = new HashMap<>();
    docs.forEach(d -> sizes.merge(d.event(), 1, Integer::sum));
    if (k < 2 || k > sizes.size()) {
      throw new IllegalArgumentException("folds must be from 2 to the number of events (" + sizes.size() + "), got " + k);
    }
    List<String> events = new ArrayList<>(sizes.keySet());
    events.sort(Comparator.comparing((String e) -> -sizes.get(e)).thenComparing(Comparator.naturalOrder()));
    int[] filled = new int[k];
    Map<String, Integer> foldOf = new LinkedHashMap<>();
    for (String event : events) {
      int smallest = 0;
      for (int f = 1; f < k; f++) {
        if (filled[f] < filled[smallest]) {
          smallest = f;
        }
      }
      foldOf.put(event, smallest);
      filled[smallest] += sizes.get(event);
    }
    List<List<LabelledDocument>> folds = new ArrayList<>();
    for (int f = 0; f < k; f++) {
      folds.add(new ArrayList<>());
    }
    docs.forEach(d -> folds.get(foldOf.get(d.event())).add(d));
    return folds;
  }
}
