package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Document frequencies counted once over a public-domain English news corpus (Voice of America, via the GMB), added
 * to the English shard's streaming counts (ADR 42). Without them a stream's first articles are weighed by the counts
 * of a handful of articles, where "police" and a victim's name look equally rare; with them, common news words weigh
 * little from the first article on. Constant: the prior never leaves the window, and is the same in every run.
 */
public final class DocumentFrequencyPrior {
  /** The shipped table, beside this class. */
  public static final String RESOURCE = "idf-prior-en.tsv.gz";
  /** The shard whose counts the shipped table is added to (ShardKey: the article's language). */
  static final String ENGLISH = "en";
  /** Keys counted in fewer corpus documents are left out of the table: rare either way. */
  public static final int MIN_DOCUMENTS = 2;
  private static final String DOCUMENTS_LINE = "documents";

  /** No prior: counts are the stream's alone. */
  public static final DocumentFrequencyPrior NONE = new DocumentFrequencyPrior(0, Map.of());

  private final long documents;
  /** By key as the index counts it (with the shard's prefix when under one), the document count included. */
  private final Map<String, Long> counts;

  private DocumentFrequencyPrior(long documents, Map<String, Long> counts) {
    this.documents = documents;
    this.counts = counts;
  }

  /** The shipped English table, read once. */
  public static DocumentFrequencyPrior english() {
    return Shipped.ENGLISH_TABLE;
  }

  /** The prior {@code settings} ask for, under {@code prefix} (a shard's key prefix; "" for an unsharded index). */
  static DocumentFrequencyPrior of(ClusteringSettings settings, String prefix) {
    return settings.idfPrior() ? english().under(prefix) : NONE;
  }

  /** Corpus documents counted. */
  public long documents() {
    return documents;
  }

  /** Documents of the corpus holding {@code key} (as the index counts it), 0 when none or too few. */
  long frequency(String key) {
    Long n = counts.get(key);
    return n == null ? 0 : n;
  }

  /** The same counts under keys prefixed with {@code prefix}. */
  DocumentFrequencyPrior under(String prefix) {
    if (prefix.isEmpty() || counts.isEmpty()) {
      return this;
    }
    Map<String, Long> prefixed = new HashMap<>(counts.size() * 2);
    counts.forEach((key, n) -> prefixed.put(prefix + key, n));
    return new DocumentFrequencyPrior(documents, prefixed);
  }

  /** Counts every key the index would count for each of {@code articles}, keeping those in at least {@link #MIN_DOCUMENTS}. */
  public static DocumentFrequencyPrior countedFrom(List<EnrichedArticle> articles) {
    Map<String, Long> counts = new HashMap<>();
    for (EnrichedArticle article : articles) {
      for (String key : IndexKeys.statistics(article)) {
        counts.merge(key, 1L, Long::sum);
      }
    }
    counts.values().removeIf(n -> n < MIN_DOCUMENTS);
    counts.put(DocumentFrequencies.DOCUMENTS, (long) articles.size());
    return new DocumentFrequencyPrior(articles.size(), counts);
  }

  /** Keys in the table, the document count not included. */
  public int keys() {
    return Math.max(0, counts.size() - 1);
  }

  /** Writes the table, gzipped: the document count, then {@code key TAB count} by key, so the file is reproducible. */
  public void write(Path file) throws IOException {
    Map<String, Long> sorted = new TreeMap<>(counts);
    sorted.remove(DocumentFrequencies.DOCUMENTS);
    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
      out.write(DOCUMENTS_LINE + "\t" + documents + "\n");
      for (Map.Entry<String, Long> e : sorted.entrySet()) {
        if (e.getKey().indexOf('\t') < 0 && e.getKey().indexOf('\n') < 0) {
          out.write(e.getKey() + "\t" + e.getValue() + "\n");
        }
      }
    }
  }

  /** Reads a table written by {@link #write}, gzipped. */
  public static DocumentFrequencyPrior read(InputStream gzipped, String name) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    long documents = -1;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line; (line = in.readLine()) != null; ) {
        number++;
        int tab = line.lastIndexOf('\t');
        long n;
        try {
          n = tab > 0 ? Long.parseLong(line.substring(tab + 1)) : -1;
        } catch (NumberFormatException e) {
          n = -1;
        }
        if (n < 0) {
          throw new IOException(name + ":" + number + ": expected 'key<TAB>count', got: " + line);
        }
        String key = line.substring(0, tab);
        if (number == 1) {
          if (!key.equals(DOCUMENTS_LINE)) {
            throw new IOException(name + ":1: expected 'documents<TAB>count' first, got: " + line);
          }
          documents = n;
        } else {
          counts.put(key, n);
        }
      }
    }
    if (documents < 0) {
      throw new IOException(name + ": empty");
    }
    counts.put(DocumentFrequencies.DOCUMENTS, documents);
    return new DocumentFrequencyPrior(documents, counts);
  }

  private static final class Shipped {
    static final DocumentFrequencyPrior ENGLISH_TABLE = load();

    private static DocumentFrequencyPrior load() {
      try (InputStream in = DocumentFrequencyPrior.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE + " beside " + DocumentFrequencyPrior.class.getName());
        }
        return read(in, RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
