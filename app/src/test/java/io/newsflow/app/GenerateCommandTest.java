package io.newsflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.bench.CorpusGenerator;
import io.newsflow.app.bench.GeneratedArticle;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.Collected;
import io.newsflow.ingest.IncomingArticle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Newsflow.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  @Test
  void ingestReadsBackExactlyTheGeneratedArticles() throws Exception {
    Path archive = dir.resolve("generated.jsonl.gz");

    assertEquals(0, run("generate", "--articles", "300", "--seed", "5", "--output", archive.toString()),
        err.toString(StandardCharsets.UTF_8));

    Collected collected = new Collected();
    new ArticleFiles().read(archive, collected);
    List<IncomingArticle> read = collected.articles;
    List<GeneratedArticle> expected = new CorpusGenerator(5).generate(300);
    assertEquals(List.of(), collected.rejectionLines());
    assertEquals(300, read.size());
    for (int i = 0; i < expected.size(); i++) {
      IncomingArticle want = expected.get(i).article();
      IncomingArticle got = read.get(i);
      assertEquals(List.of(want.guid(), want.url(), want.source(), want.title(), want.body(), want.publishedAt(),
              want.author()),
          List.of(got.guid(), got.url(), got.source(), got.title(), got.body(), got.publishedAt(), got.author()),
          "article " + i);
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("generate: 300 articles of "), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    assertEquals(0, run("generate", "--articles", "50", "--output", a.toString()));
    assertEquals(0, run("generate", "--articles", "50", "--output", b.toString()));

    assertEquals(Files.readString(a), Files.readString(b));
    assertEquals(50, Files.readAllLines(a).size());
  }

  @Test
  void aMissingDirectoryIsAUsageErrorOnOneLine() {
    int exit = run("generate", "--articles", "5", "--output", dir.resolve("no/such/dir/x.jsonl").toString());

    assertEquals(ExitCodes.USAGE, exit);
    String message = err.toString(StandardCharsets.UTF_8).strip();
    assertTrue(message.startsWith("error: --output ") && !message.contains("\n"), message);
  }
}
