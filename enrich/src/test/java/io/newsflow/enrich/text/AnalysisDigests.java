package io.newsflow.enrich.text;

import io.newsflow.enrich.text.entities.NamedEntity;
import io.newsflow.enrich.text.language.DetectorProbabilities;
import io.newsflow.enrich.text.language.LanguageDetector;
import io.newsflow.platform.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A digest of everything the analyser and the language model give for each BBC article: speed work on
 * the text kernel must leave every one unchanged. {@link #main} wrote the committed list from the
 * implementation before that work; {@code BbcAnalysesUnchangedTest} compares against it.
 */
final class AnalysisDigests {

  static final String RESOURCE = "bbc-analysis-digests.txt";

  private AnalysisDigests() {}

  /** Per BBC article ("business/001.txt"), the digest of its analysis, in file order. */
  static Map<String, String> ofBbcCorpus() {
    Path root = SharedData.path("bbc-news-2225");
    ArticleAnalyzer analyzer = new ArticleAnalyzer();
    DetectorProbabilities languages = new DetectorProbabilities();
    Map<String, String> digests = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt") && !f.getParent().equals(root))
          .sorted().toList()) {
        String text;
        try {
          text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
          continue; // one Latin-1 file, which ingest rejects
        }
        int newline = text.indexOf('\n');
        String body = newline < 0 ? "" : text.substring(newline + 1);
        if (body.isBlank()) {
          continue;
        }
        Analysis a = analyzer.analyze(text.substring(0, newline), body, false);
        String head = a.cleanText().length() > LanguageDetector.MAX_CHARS
            ? a.cleanText().substring(0, LanguageDetector.MAX_CHARS) : a.cleanText();
        double[] probabilities = languages.of(a.title() + "\n" + head);
        digests.put(root.relativize(file).toString(), digest(a, probabilities));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return digests;
  }

  /** SHA-256 (first 16 hex digits) of every field, doubles by their exact bits. */
  static String digest(Analysis a, double[] probabilities) {
    StringBuilder s = new StringBuilder();
    s.append(a.title()).append('\u0001').append(a.cleanText()).append('\u0001').append(a.language())
        .append('\u0001').append(a.wordCount()).append('\u0001').append(a.contentHash())
        .append('\u0001').append(a.simHash()).append('\u0001');
    for (NamedEntity e : a.entities()) {
      s.append(e.name()).append('|').append(e.kind()).append('|').append(e.surfaceForms()).append('|')
          .append(e.mentions()).append('|').append(Double.doubleToLongBits(e.salience())).append('\u0002');
    }
    s.append('\u0001');
    for (int h : a.minHash()) {
      s.append(h).append(',');
    }
    s.append('\u0001').append(a.lshBands()).append('\u0001');
    for (Term t : a.topTerms()) {
      s.append(t.term()).append('|').append(Double.doubleToLongBits(t.weight())).append('\u0002');
    }
    s.append('\u0001');
    for (double p : probabilities) {
      s.append(Double.doubleToLongBits(p)).append(',');
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the list of digests to {@code args[0]}: run once, on the implementation to preserve. */
  public static void main(String[] args) throws IOException {
    StringBuilder out = new StringBuilder();
    ofBbcCorpus().forEach((file, digest) -> out.append(file).append(' ').append(digest).append('\n'));
    Files.writeString(Path.of(args[0]), out.toString());
    System.out.println(List.of(args[0], out.length()));
  }
}
