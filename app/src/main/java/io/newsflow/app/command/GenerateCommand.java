package io.newsflow.app.command;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.bench.CorpusGenerator;
import io.newsflow.app.bench.GeneratedArticle;
import io.newsflow.ingest.IncomingArticle;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsflow generate}: writes the benchmark's generated corpus as a JSON Lines archive, to try
 * {@code replay} and {@code run} at any size. Each line is in the feed form ingest reads, plus the truth
 * it was generated from ({@code story}, {@code copy_of}), which ingest ignores.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes a generated news archive (JSON Lines, gzip when FILE ends in .gz): stories reported by",
        "many outlets with syndicated copies, news-like lengths, publication times increasing; the same seed",
        "always gives the same bytes."})
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--articles", required = true, paramLabel = "N", description = "Articles to write.")
  long articles;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "The archive to write (.jsonl or .jsonl.gz).")
  Path output;

  @Option(names = "--seed", defaultValue = "20261122", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  private final PrintStream err;

  public GenerateCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public Integer call() throws IOException {
    if (articles < 1 || articles > Integer.MAX_VALUE) {
      throw new UsageProblem("--articles must be between 1 and " + Integer.MAX_VALUE + ", got " + articles);
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageProblem("--output " + output + ": no such directory " + parent);
    }
    long started = System.nanoTime();
    int lastStory = -1;
    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
         OutputStream stream = output.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
         JsonGenerator json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8)) {
      json.setRootValueSeparator(null);
      Iterator<GeneratedArticle> generated = new CorpusGenerator(seed).articles(articles);
      while (generated.hasNext()) {
        GeneratedArticle g = generated.next();
        write(json, g);
        lastStory = Math.max(lastStory, g.story());
      }
    }
    err.printf(Locale.ROOT, "generate: %d articles of %d stories to %s (%d MiB) in %.1f s%n", articles, lastStory + 1,
        output, Files.size(output) >> 20, (System.nanoTime() - started) / 1e9);
    return ExitCodes.OK;
  }

  private static void write(JsonGenerator json, GeneratedArticle g) throws IOException {
    IncomingArticle a = g.article();
    json.writeStartObject();
    json.writeStringField("id", a.guid());
    json.writeStringField("url", a.url());
    json.writeStringField("source", a.source());
    json.writeStringField("title", a.title());
    json.writeStringField("body", a.body());
    json.writeStringField("published", a.publishedAt().toString());
    json.writeStringField("language", a.language());
    json.writeStringField("author", a.author());
    json.writeNumberField("story", g.story());
    if (g.copyOf() != null) {
      json.writeStringField("copy_of", g.copyOf());
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }
}
