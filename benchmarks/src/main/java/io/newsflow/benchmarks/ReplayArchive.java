package io.newsflow.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a deterministic JSON Lines archive of any size for measuring {@code newsflow replay}:
 * articles rewritten from the BBC corpus ({@link Corpus}), several per underlying story (sentences
 * dropped, sentences from other articles inserted), from 20 outlets, published over 30 days and
 * written roughly but not exactly in time order, so a replay has real sorting to do. The same
 * arguments always give the same bytes.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.ReplayArchive 1000000 articles-1m.jsonl.gz [seed]</pre>
 */
public final class ReplayArchive {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Duration SPAN = Duration.ofDays(30);

  private ReplayArchive() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: ReplayArchive COUNT OUT.jsonl[.gz] [SEED]");
      System.exit(2);
    }
    long count = Long.parseLong(args[0]);
    Path out = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261122L;
    List<Corpus.Doc> docs = Corpus.load(Corpus.defaultPath());
    if (docs.isEmpty()) {
      System.err.println("no corpus at " + Corpus.defaultPath() + " (set NEWSFLOW_CORPUS)");
      System.exit(2);
    }
    long started = System.nanoTime();
    try (OutputStream file = Files.newOutputStream(out);
         OutputStream stream = out.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
         BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16)) {
      write(docs, count, new Random(seed), w);
    }
    System.err.printf("%d articles to %s (%d MiB) in %.1f s%n", count, out, Files.size(out) >> 20,
        (System.nanoTime() - started) / 1e9);
  }

  static void write(List<Corpus.Doc> docs, long count, Random random, BufferedWriter w) throws IOException {
    long step = SPAN.toMillis() / Math.max(1, count);
    for (long i = 0; i < count; i++) {
      // About four articles per story: story k is based on corpus article k modulo the corpus.
      Corpus.Doc base = docs.get((int) ((i / 4 + random.nextInt(3)) % docs.size()));
      Corpus.Doc other = docs.get(random.nextInt(docs.size()));
      List<String> sentences = new ArrayList<>();
      for (String s : base.body().split("(?<=[.!?])\\s+")) {
        if (random.nextInt(5) != 0) {
          sentences.add(s);
        }
      }
      String[] extra = other.body().split("(?<=[.!?])\\s+");
      sentences.add(random.nextInt(sentences.size() + 1), extra[random.nextInt(extra.length)]);
      // Up to an hour early or late against its slot, so the file is only roughly in time order.
      long millis = i * step + random.nextInt(7_200_000) - 3_600_000;
      w.write("{\"id\":\"gen-" + i + "\",\"source\":\"outlet-" + random.nextInt(20) + "\",\"title\":" + json(base.title())
          + ",\"body\":" + json(String.join(" ", sentences)) + ",\"published\":\"" + START.plusMillis(Math.max(0, millis)) + "\"}\n");
    }
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
