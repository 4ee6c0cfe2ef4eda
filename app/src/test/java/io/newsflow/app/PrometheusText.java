package io.newsflow.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests: any line it does not
 * understand fails the parse with the line number. Checks what a scraper relies on: valid metric and
 * label names, escaped label values, one {@code # TYPE} per family before its samples, samples of a
 * family kept together, no duplicate series, and histograms whose cumulative buckets never decrease
 * and end in a {@code +Inf} bucket equal to {@code _count}.
 */
public final class PrometheusText {
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

  /** One sample line. */
  record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;
  private final Map<String, String> types;

  private PrometheusText(List<Sample> samples, Map<String, String> types) {
    this.samples = samples;
    this.types = types;
  }

  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    Set<String> finishedFamilies = new HashSet<>();
    Set<String> series = new HashSet<>();
    String currentFamily = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int number = i + 1;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        String[] parts = line.split(" ", 4);
        if (parts.length >= 3 && parts[1].equals("TYPE")) {
          String family = parts[2];
          String type = parts.length == 4 ? parts[3] : "";
          require(METRIC_NAME.matcher(family).matches(), number, "invalid metric name in TYPE: " + family);
          require(TYPES.contains(type), number, "unknown type '" + type + "'");
          require(!types.containsKey(family), number, "second TYPE line for " + family);
          require(!finishedFamilies.contains(family) && !family.equals(currentFamily), number,
              "TYPE of " + family + " after its samples");
          types.put(family, type);
        } else if (parts.length >= 3 && parts[1].equals("HELP")) {
          require(METRIC_NAME.matcher(parts[2]).matches(), number, "invalid metric name in HELP: " + parts[2]);
        }
        continue;
      }
      Sample sample = sample(line, number);
      String family = familyOf(sample.name(), types);
      if (!family.equals(currentFamily)) {
        require(!finishedFamilies.contains(family), number, "samples of " + family + " are not together");
        if (currentFamily != null) {
          finishedFamilies.add(currentFamily);
        }
        currentFamily = family;
      }
      require(series.add(sample.name() + sample.labels()), number, "duplicate series " + sample.name() + sample.labels());
      samples.add(sample);
    }
    PrometheusText parsed = new PrometheusText(List.copyOf(samples), Map.copyOf(types));
    parsed.checkHistograms();
    return parsed;
  }

  private static String familyOf(String name, Map<String, String> types) {
    for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created")) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        if (types.containsKey(base)) {
          return base;
        }
      }
    }
    return name;
  }

  private static Sample sample(String line, int number) {
    int at = 0;
    while (at < line.length() && line.charAt(at) != '{' && line.charAt(at) != ' ') {
      at++;
    }
    String name = line.substring(0, at);
    require(METRIC_NAME.matcher(name).matches(), number, "invalid metric name '" + name + "'");
    Map<String, String> labels = new LinkedHashMap<>();
    if (at < line.length() && line.charAt(at) == '{') {
      at++;
      while (true) {
        require(at < line.length(), number, "unterminated label set");
        if (line.charAt(at) == '}') {
          at++;
          break;
        }
        int eq = line.indexOf('=', at);
        require(eq > at, number, "label without '='");
        String label = line.substring(at, eq);
        require(LABEL_NAME.matcher(label).matches(), number, "invalid label name '" + label + "'");
        require(eq + 1 < line.length() && line.charAt(eq + 1) == '"', number, "label value of " + label + " not quoted");
        StringBuilder value = new StringBuilder();
        int j = eq + 2;
        for (; ; j++) {
          require(j < line.length(), number, "unterminated value of label " + label);
          char c = line.charAt(j);
          if (c == '"') {
            break;
          }
          if (c == '\\') {
            require(j + 1 < line.length(), number, "dangling escape");
            char e = line.charAt(++j);
            switch (e) {
              case '\\' -> value.append('\\');
              case '"' -> value.append('"');
              case 'n' -> value.append('\n');
              default -> throw problem(number, "invalid escape \\" + e);
            }
          } else {
            value.append(c);
          }
        }
        require(labels.put(label, value.toString()) == null, number, "label " + label + " given twice");
        at = j + 1;
        if (at < line.length() && line.charAt(at) == ',') {
          at++;
        } else {
          require(at < line.length() && line.charAt(at) == '}', number, "expected ',' or '}' after a label");
        }
      }
    }
    require(at < line.length() && line.charAt(at) == ' ', number, "expected a space before the value");
    String[] rest = line.substring(at + 1).split(" ", -1);
    require(rest.length == 1 || rest.length == 2, number, "expected a value and an optional timestamp");
    double value = number(rest[0], number);
    if (rest.length == 2) {
      try {
        Long.parseLong(rest[1]);
      } catch (NumberFormatException e) {
        throw problem(number, "invalid timestamp '" + rest[1] + "'");
      }
    }
    return new Sample(name, Map.copyOf(labels), value);
  }

  private static double number(String text, int line) {
    switch (text) {
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        try {
          require(!text.isEmpty() && !text.endsWith("d") && !text.endsWith("f") && !text.contains("Infinity"), line,
              "invalid value '" + text + "'");
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw problem(line, "invalid value '" + text + "'");
        }
    }
  }

  private void checkHistograms() {
    types.forEach((family, type) -> {
      if (!type.equals("histogram")) {
        return;
      }
      Map<Map<String, String>, List<Sample>> bucketsBySeries = new LinkedHashMap<>();
      for (Sample s : samples) {
        if (s.name().equals(family + "_bucket")) {
          Map<String, String> rest = new LinkedHashMap<>(s.labels());
          if (rest.remove("le") == null) {
            throw new IllegalArgumentException(family + "_bucket without le label");
          }
          bucketsBySeries.computeIfAbsent(Map.copyOf(rest), k -> new ArrayList<>()).add(s);
        }
      }
      bucketsBySeries.forEach((labels, buckets) -> {
        double previousLe = Double.NEGATIVE_INFINITY;
        double previousCount = 0;
        for (Sample b : buckets) {
          double le = number(b.labels().get("le"), 0);
          if (le <= previousLe || b.value() < previousCount) {
            throw new IllegalArgumentException(family + labels + ": buckets not cumulative at le=" + b.labels().get("le"));
          }
          previousLe = le;
          previousCount = b.value();
        }
        if (previousLe != Double.POSITIVE_INFINITY) {
          throw new IllegalArgumentException(family + labels + ": no +Inf bucket");
        }
        double count = value(family + "_count", labels);
        if (count != previousCount) {
          throw new IllegalArgumentException(family + labels + ": +Inf bucket " + previousCount + " != _count " + count);
        }
      });
    });
  }

  /** The type declared for {@code family}, or null. */
  public String type(String family) {
    return types.get(family);
  }

  /** Samples named {@code name}. */
  List<Sample> samples(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  /** The value of the one sample named {@code name} with exactly {@code labels}. */
  public double value(String name, Map<String, String> labels) {
    List<Sample> found = samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).toList();
    if (found.size() != 1) {
      throw new IllegalArgumentException("expected one sample " + name + labels + ", found " + found.size());
    }
    return found.get(0).value();
  }

  private static void require(boolean ok, int line, String message) {
    if (!ok) {
      throw problem(line, message);
    }
  }

  private static IllegalArgumentException problem(int line, String message) {
    return new IllegalArgumentException("line " + line + ": " + message);
  }
}
