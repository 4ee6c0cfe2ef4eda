package io.newsflow.app.bench;

import java.util.List;
import java.util.Locale;

/** A horizontal SVG bar chart of stage throughput, written by hand: no charting library for a dozen shapes. */
public final class BarChart {
  private static final int LABEL_WIDTH = 250;
  private static final int BAR_WIDTH = 420;
  private static final int ROW = 30;
  private static final int TOP = 46;

  private BarChart() {}

  /** One bar per stage (articles/s); the bar of {@code referenceKey} is drawn in another colour. */
  public static String svg(String title, List<StageResult> stages, String referenceKey) {
    double max = stages.stream().mapToDouble(StageResult::articlesPerSecond).max().orElse(1);
    int width = LABEL_WIDTH + BAR_WIDTH + 110;
    int height = TOP + ROW * stages.size() + 30;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"sans-serif\" font-size=\"13\">%n", width, height, width, height));
    svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
        escape(title)));
    for (int i = 0; i < stages.size(); i++) {
      StageResult s = stages.get(i);
      int y = TOP + i * ROW;
      double length = Math.max(1, s.articlesPerSecond() / max * BAR_WIDTH);
      String colour = s.key().equals(referenceKey) ? "#888888" : "#2f6db3";
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
          LABEL_WIDTH - 8, y + 15, escape(s.label())));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"20\" fill=\"%s\"/>%n",
          LABEL_WIDTH, y, length, colour));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%,.0f</text>%n",
          LABEL_WIDTH + length + 6, y + 15, s.articlesPerSecond()));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#555555\">articles/s (grey: pass-through "
        + "Kafka Streams topology, the reference)</text>%n", LABEL_WIDTH, height - 10));
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
