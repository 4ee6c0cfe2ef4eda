package io.newsflow.enrich.text.entities.training;

import io.newsflow.enrich.text.entities.EntityKind;
import io.newsflow.enrich.text.entities.EntitySpan;
import io.newsflow.enrich.text.entities.IobTags;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entity-level precision, recall and F1 as conlleval counts them: a predicted span is correct only
 * when a gold span has the same boundaries and the same kind. Micro-averaged over PER, ORG and LOC.
 * Not thread-safe: one instance accumulates one evaluation.
 */
public final class SpanScores {

  /** Counts of one kind (or of all kinds together). */
  public record Counts(int gold, int predicted, int correct) {

    public double precision() {
      return predicted == 0 ? 0.0 : (double) correct / predicted;
    }

    public double recall() {
      return gold == 0 ? 0.0 : (double) correct / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
    }
  }

  private final Map<EntityKind, int[]> counts = new EnumMap<>(EntityKind.class);

  public SpanScores() {
    for (EntityKind kind : EntityKind.values()) {
      counts.put(kind, new int[3]);
    }
  }

  /** Adds one sentence's gold and predicted spans (token offsets in the same sentence). */
  public void add(List<EntitySpan> gold, List<EntitySpan> predicted) {
    Set<EntitySpan> goldSet = new HashSet<>(gold);
    for (EntitySpan span : gold) {
      counts.get(span.kind())[0]++;
    }
    for (EntitySpan span : new HashSet<>(predicted)) {
      int[] c = counts.get(span.kind());
      c[1]++;
      if (goldSet.contains(span)) {
        c[2]++;
      }
    }
  }

  public Counts of(EntityKind kind) {
    int[] c = counts.get(kind);
    return new Counts(c[0], c[1], c[2]);
  }

  /** PER, ORG and LOC together (micro average). */
  public Counts overall() {
    int[] sum = new int[3];
    for (int[] c : counts.values()) {
      for (int k = 0; k < 3; k++) {
        sum[k] += c[k];
      }
    }
    return new Counts(sum[0], sum[1], sum[2]);
  }

  /** A table per kind and overall, ending with the line {@code f1: X}. */
  public String report() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s %9s %9s %9s %7s %9s %7s%n",
        "type", "precision", "recall", "f1", "gold", "predicted", "correct"));
    for (EntityKind kind : List.of(EntityKind.PERSON, EntityKind.ORGANIZATION, EntityKind.LOCATION)) {
      line(sb, IobTags.typeName(kind), of(kind));
    }
    line(sb, "overall", overall());
    sb.append(String.format(Locale.ROOT, "f1: %.4f%n", overall().f1()));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, Counts c) {
    sb.append(String.format(Locale.ROOT, "%-8s %9.4f %9.4f %9.4f %7d %9d %7d%n",
        name, c.precision(), c.recall(), c.f1(), c.gold(), c.predicted(), c.correct()));
  }
}
