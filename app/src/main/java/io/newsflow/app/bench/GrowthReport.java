package io.newsflow.app.bench;

import io.newsflow.app.bench.GrowthReplay.GrowthSlice;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code newsflow bench --growth-every}'s result: a Markdown table, a row per slice (CPU per article,
 * each store's size on disk and estimated keys), then {@code name: value} lines comparing the last slice's
 * CPU per article with the first's.
 */
public final class GrowthReport {
  private GrowthReport() {}

  public static void print(PrintStream out, long total, long seed, List<GrowthSlice> slices) {
    Set<String> stores = new TreeSet<>();
    slices.forEach(s -> stores.addAll(s.bytesOnDisk().keySet()));
    out.printf(Locale.ROOT, "newsflow bench --growth-every: %,d generated articles, seed %d, through the whole pipeline%n%n",
        total, seed);
    StringBuilder header = new StringBuilder("| articles assigned | aggregate CPU per article (µs) |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (String store : stores) {
      header.append(' ').append(store).append(" MB (keys) |");
      rule.append("---|");
    }
    out.println(header);
    out.println(rule);
    for (GrowthSlice s : slices) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %,d | %.0f |", s.assigned(),
          s.cpuNanosPerArticle() / 1e3));
      for (String store : stores) {
        row.append(String.format(Locale.ROOT, " %.1f (%,d) |", s.bytesOnDisk().getOrDefault(store, 0L) / 1e6,
            s.estimatedKeys().getOrDefault(store, 0L)));
      }
      out.println(row);
    }
    out.println();
    if (!slices.isEmpty()) {
      double first = slices.get(0).cpuNanosPerArticle();
      double last = slices.get(slices.size() - 1).cpuNanosPerArticle();
      out.printf(Locale.ROOT, "growth-first-slice-cpu-us: %.0f%n", first / 1e3);
      out.printf(Locale.ROOT, "growth-last-slice-cpu-us: %.0f%n", last / 1e3);
      out.printf(Locale.ROOT, "growth-last-vs-first: %.2f%n", last / first);
    }
  }
}
