package io.newsflow.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one group of threads spends its CPU, from a JFR recording's execution samples: the share of
 * samples that pass through each method (inclusive), for the methods of a package prefix, and the share
 * whose innermost frame of that prefix is each method (self, with what it called outside the prefix).
 * Samples with no frame of the prefix are grouped by their innermost frame's class.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.ThreadProfile FILE.jfr
 * THREAD-SUBSTRING [PREFIX] [TOP]}, e.g. a {@code newsflow bench} recording and {@code aggregate-} with
 * {@code -StreamThread-}: threads must contain both, separated by a comma.
 */
public final class ThreadProfile {
  private ThreadProfile() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    List<String> threadParts = List.of(args[1].split(","));
    String prefix = args.length > 2 ? args[2] : "io.newsflow.";
    int top = args.length > 3 ? Integer.parseInt(args[3]) : 30;
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    int samples = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedThread thread = e.getThread("sampledThread");
      String name = thread == null ? "" : thread.getJavaName();
      if (name == null || !threadParts.stream().allMatch(name::contains)) {
        continue;
      }
      RecordedStackTrace stack = e.getStackTrace();
      if (stack == null) {
        continue;
      }
      samples++;
      Set<String> seen = new HashSet<>();
      String innermost = null;
      for (RecordedFrame f : stack.getFrames()) {
        String type = f.getMethod().getType().getName();
        if (!type.startsWith(prefix)) {
          continue;
        }
        String method = type.substring(prefix.length()) + "." + f.getMethod().getName();
        if (innermost == null) {
          innermost = method;
        }
        if (seen.add(method)) {
          inclusive.merge(method, 1, Integer::sum);
        }
      }
      if (innermost == null) {
        List<RecordedFrame> frames = stack.getFrames();
        innermost = frames.isEmpty() ? "(no frames)" : "(outside) " + frames.get(0).getMethod().getType().getName();
      }
      self.merge(innermost, 1, Integer::sum);
    }
    System.out.printf(Locale.ROOT, "%d samples of threads containing %s%n%n", samples, threadParts);
    print("inclusive", inclusive, samples, top);
    print("self (innermost frame of " + prefix + ")", self, samples, top);
  }

  private static void print(String title, Map<String, Integer> counts, int samples, int top) {
    System.out.println("| " + title + " | share |");
    System.out.println("|---|---|");
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
        .forEach(c -> System.out.printf(Locale.ROOT, "| %s | %.1f %% |%n", c.getKey(), 100.0 * c.getValue() / samples));
    System.out.println();
  }
}
