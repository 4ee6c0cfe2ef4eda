package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSourceTest {
  private static final String GOOD_1 = "{\"id\":\"r-1\",\"url\":\"https://www.example.com/a?utm_source=x\",\"source\":\"reuters\","
      + "\"title\":\"First\",\"body\":\"Body one.\",\"published\":\"2024-03-01T11:00:00+01:00\",\"language\":\"en\",\"author\":\"Ann\"}";
  private static final String GOOD_2 = "{\"id\":42,\"source\":\"reuters\",\"title\":\"Second\",\"body\":\"Body two.\",\"published\":\"2024-03-02\"}";
  private static final String GOOD_3 = "{\"id\":\"r-3\",\"title\":\"Third\",\"body\":\"Body three.\"}";

  @TempDir
  Path dir;

  private final JsonLinesSource source = new JsonLinesSource();
  private final Collected out = new Collected();

  @Test
  void readsEveryFieldOfTheFeedForm() throws IOException {
    Path file = write("feed.jsonl", GOOD_1 + "\n" + GOOD_2 + "\r\n" + GOOD_3);

    source.read(file, out);

    assertThat(out.rejections).isEmpty();
    assertThat(out.articles).containsExactly(
        new IncomingArticle("reuters", "https://www.example.com/a?utm_source=x", "r-1", "First", "Body one.", false,
            "en", "Ann", Instant.parse("2024-03-01T10:00:00Z"), file + ":1"),
        new IncomingArticle("reuters", null, "42", "Second", "Body two.", false,
            null, null, Instant.parse("2024-03-02T00:00:00Z"), file + ":2"),
        new IncomingArticle("feed", null, "r-3", "Third", "Body three.", false,
            null, null, null, file + ":3"));
  }

  @Test
  void badLinesAreRejectedWithTheirLineNumberAndTheOthersStillComeThrough() throws IOException {
    String notJson = "this is not json";
    byte[] latin1Line = "{\"id\":\"x\",\"title\":\"Caf\u00e9\",\"body\":\"b\"}".getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Object line : new Object[] {
        GOOD_1,                                                        // 1
        notJson,                                                       // 2
        "",                                                            // 3: blank, skipped
        "{\"id\":\"x\",\"body\":\"no title\"}",                        // 4
        "{\"id\":\"x\",\"title\":\"no body\"}",                        // 5
        "{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\",\"published\":\"last tuesday\"}", // 6
        latin1Line,                                                    // 7
        "[1,2]",                                                       // 8
        "{\"title\":\"t\",\"body\":\"b\"}",                            // 9: no id, no url
        "{\"id\":\"x\",\"title\":\"t\",\"body\":\"  \"}",              // 10
        "{\"id\":\"x\",\"title\":7,\"body\":\"b\"}",                   // 11
        "{\"id\":\"x\",\"title\":\"t\",\"body\":\"b\"} trailing",      // 12
        GOOD_2}) {                                                     // 13
      bytes.writeBytes(line instanceof byte[] b ? b : ((String) line).getBytes(StandardCharsets.UTF_8));
      bytes.write('\n');
    }
    Path file = dir.resolve("mixed.jsonl");
    Files.write(file, bytes.toByteArray());

    source.read(file, out);

    assertThat(out.titles()).containsExactly("First", "Second");
    assertThat(out.articles.get(1).origin()).isEqualTo(file + ":13");
    assertThat(out.rejections).extracting(Rejection::origin).containsExactly(
        file + ":2", file + ":4", file + ":5", file + ":6", file + ":7", file + ":8", file + ":9", file + ":10",
        file + ":11", file + ":12");
    assertThat(out.rejections).extracting(r -> r.reason().code()).containsExactly(
        "invalid-json", "missing-field", "missing-field", "invalid-date", "not-utf8", "invalid-json",
        "missing-field", "empty-body", "invalid-field", "invalid-json");
    assertThat(out.rejectionLines()).contains(
        file + ":4: missing-field: missing field: title",
        file + ":5: missing-field: missing field: body",
        file + ":6: invalid-date: unparseable date: last tuesday",
        file + ":7: not-utf8: not valid UTF-8 at byte 22",
        file + ":8: invalid-json: expected a JSON object, found array",
        file + ":9: missing-field: needs an id or a url",
        file + ":11: invalid-field: field title must be a string, found number");
    assertThat(out.rejections.get(0).message()).startsWith("Unrecognized token 'this'").doesNotContain("\n");
    assertThat(out.rejections.get(0).raw()).isEqualTo(notJson.getBytes(StandardCharsets.UTF_8));
    assertThat(out.rejections.get(4).raw()).isEqualTo(latin1Line);
  }

  @Test
  void readsTheLabelledDatasetFormFromAGzippedArchive() throws IOException {
    // One line each in the shape of /work/shared/data/ecbplus and /work/shared/data/gvc.
    String ecbWithoutTitle = "{\"doc_id\": \"1_10ecb\", \"topic\": 1, \"cluster_id\": \"1_ecb\", \"url\": null, \"title\": null, "
        + "\"text\": \"Tara Reid checked herself into rehab.\\nHer rep said so.\", \"n_tokens\": 100}";
    String gvc = "{\"doc_id\": \"b38b37\", \"incident_id\": \"610379\", \"title\": \"Witness recalls shooting\", \"dct\": \"2016-07-24\", "
        + "\"url\": \"http://web.archive.org/web/20160929223606/http://www.fox7austin.com:80/news/story\", \"text\": \"Witness recalls ...\"}";
    Path file = dir.resolve("corpus_documents.jsonl.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
      gz.write((ecbWithoutTitle + "\n" + gvc + "\n").getBytes(StandardCharsets.UTF_8));
    }

    source.read(file, out);

    assertThat(out.rejections).isEmpty();
    assertThat(out.articles).containsExactly(
        new IncomingArticle("corpus_documents", null, "1_10ecb", "Tara Reid checked herself into rehab.",
            "Tara Reid checked herself into rehab.\nHer rep said so.", false, null, null, null, file + ":1"),
        new IncomingArticle("corpus_documents", "http://web.archive.org/web/20160929223606/http://www.fox7austin.com:80/news/story",
            "b38b37", "Witness recalls shooting", "Witness recalls ...", false, null, null,
            Instant.parse("2016-07-24T00:00:00Z"), file + ":2"));
    assertThat(ArticleIds.of(out.articles.get(1))).isEqualTo(ArticleIds.forUrl("http://fox7austin.com/news/story"));
  }

  @Test
  void truncatedArchiveKeepsWhatCameBeforeAndRejectsTheRest() throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(whole)) {
      for (int i = 0; i < 2000; i++) {
        gz.write(("{\"id\":\"n-" + i + "\",\"title\":\"T" + i + "\",\"body\":\"" + "x".repeat(i % 97) + i + "\"}\n")
            .getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] cut = Arrays.copyOf(whole.toByteArray(), whole.size() / 2);
    Path file = dir.resolve("cut.jsonl.gz");
    Files.write(file, cut);

    source.read(file, out);

    assertThat(out.articles).hasSizeBetween(100, 1999);
    assertThat(out.rejections).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectionReason.UNREADABLE);
      assertThat(r.origin()).isEqualTo(file + ":" + (out.articles.size() + 1));
    });
  }

  @Test
  void overlongLineIsRejectedWithoutHoldingItAll() throws IOException {
    Path file = dir.resolve("big.jsonl");
    try (OutputStream o = Files.newOutputStream(file)) {
      o.write("{\"id\":\"big\",\"title\":\"t\",\"body\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "y".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 17; i++) {
        o.write(chunk);
      }
      o.write(("\"}\n" + GOOD_3 + "\n").getBytes(StandardCharsets.UTF_8));
    }

    source.read(file, out);

    assertThat(out.titles()).containsExactly("Third");
    assertThat(out.rejections).singleElement().satisfies(r -> {
      assertThat(r.origin()).isEqualTo(file + ":1");
      assertThat(r.reason()).isEqualTo(RejectionReason.TOO_LARGE);
      assertThat(r.raw()).hasSize(JsonLinesSource.KEPT_BYTES_OF_LONG_LINE);
    });
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
