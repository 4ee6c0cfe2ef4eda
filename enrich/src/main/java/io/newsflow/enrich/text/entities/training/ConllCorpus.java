package io.newsflow.enrich.text.entities.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads token-per-line NER files into documents of tagged sentences. One reader covers the layouts
 * the project evaluates and trains on: CoNLL-2003 ({@code token POS chunk tag}, "-DOCSTART-" lines),
 * UNER/CoNLL-U-like ({@code index token tag - annotator}, "# newdoc" comments) and the GMB extract
 * ({@code token POS tag}, "# sent_id" comments). The tag column is the last one that looks like a tag,
 * so tags are returned untouched (IOB1 or IOB2, any type). Files ending in ".gz" are gunzipped.
 */
public final class ConllCorpus {

  /** One sentence: tokens and their tags, same length. */
  public record Sentence(List<String> tokens, List<String> tags) {
    public Sentence {
      tokens = List.copyOf(tokens);
      tags = List.copyOf(tags);
      if (tokens.size() != tags.size()) {
        throw new IllegalArgumentException("tokens and tags differ in length");
      }
    }
  }

  /** Sentences of one document, in order. */
  public record Document(List<Sentence> sentences) {
    public Document {
      sentences = List.copyOf(sentences);
    }
  }

  private static final Pattern TAG = Pattern.compile("O|[BIES]-[A-Za-z]+");
  private static final Pattern INDEX = Pattern.compile("\\d+");

  private ConllCorpus() {}

  /** The documents of a file; a file without document markers is one document. */
  public static List<Document> read(Path path) throws IOException {
    try (InputStream raw = Files.newInputStream(path);
        InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return read(reader, path.toString());
    }
  }

  static List<Document> read(BufferedReader reader, String name) throws IOException {
    List<Document> documents = new ArrayList<>();
    List<Sentence> sentences = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      boolean comment = trimmed.startsWith("#") && trimmed.contains(" = ");
      boolean newDocument = trimmed.startsWith("-DOCSTART-") || (comment && trimmed.startsWith("# newdoc"));
      if (trimmed.isEmpty() || newDocument) {
        endSentence(sentences, tokens, tags);
      }
      if (newDocument) {
        endDocument(documents, sentences);
      }
      if (trimmed.isEmpty() || newDocument || comment) {
        continue;
      }
      String[] columns = trimmed.split(trimmed.indexOf('\t') >= 0 ? "\t" : " +");
      int tagColumn = columns.length - 1;
      while (tagColumn > 0 && !TAG.matcher(columns[tagColumn]).matches()) {
        tagColumn--;
      }
      if (tagColumn == 0) {
        throw new IOException(name + ":" + number + ": no NER tag column in: " + line);
      }
      boolean indexed = columns.length >= 5 && INDEX.matcher(columns[0]).matches();
      tokens.add(columns[indexed ? 1 : 0]);
      tags.add(columns[tagColumn]);
    }
    endSentence(sentences, tokens, tags);
    endDocument(documents, sentences);
    return documents;
  }

  private static void endSentence(List<Sentence> sentences, List<String> tokens, List<String> tags) {
    if (!tokens.isEmpty()) {
      sentences.add(new Sentence(tokens, tags));
      tokens.clear();
      tags.clear();
    }
  }

  private static void endDocument(List<Document> documents, List<Sentence> sentences) {
    if (!sentences.isEmpty()) {
      documents.add(new Document(sentences));
      sentences.clear();
    }
  }
}
