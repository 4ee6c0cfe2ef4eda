package io.newsflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The BBC News corpus read by path (never copied into the repository): one {@code .txt} per
 * article, the first line its headline, in topic folders. The path is {@code $NEWSFLOW_CORPUS} or
 * {@code ../shared/data/bbc-news-2225}; an environment variable because JMH's forked JVMs inherit it.
 */
public final class Corpus {

  /** One article: its topic folder, file name, headline and body. */
  public record Doc(String topic, String name, String title, String body) {}

  private Corpus() {}

  public static Path defaultPath() {
    String env = System.getenv("NEWSFLOW_CORPUS");
    return Path.of(env != null && !env.isBlank() ? env : "../shared/data/bbc-news-2225");
  }

  /** Every readable article under {@code root}, sorted by path; empty when the folder is missing. */
  public static List<Doc> load(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Doc> docs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
        Doc doc = read(root, file);
        if (doc != null) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  private static Doc read(Path root, Path file) throws IOException {
    if (file.getParent().equals(root)) {
      return null; // README.TXT and friends
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      return null; // one Latin-1 file in BBC; ingest rejects it too
    }
    int newline = text.indexOf('\n');
    if (newline < 0) {
      return null;
    }
    String body = text.substring(newline + 1).strip();
    if (body.isEmpty()) {
      return null;
    }
    return new Doc(file.getParent().getFileName().toString(), file.getFileName().toString(),
        text.substring(0, newline).strip(), body);
  }

  /** The article whose body is closest to {@code chars} characters, or a built-in one without corpus. */
  public static Doc closestTo(List<Doc> docs, int chars) {
    Doc best = null;
    for (Doc doc : docs) {
      if (best == null || Math.abs(doc.body().length() - chars) < Math.abs(best.body().length() - chars)) {
        best = doc;
      }
    }
    return best != null ? best : BuiltIn.ARTICLE;
  }
}
