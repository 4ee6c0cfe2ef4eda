package io.newsflow.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.InProcessNewsflow;
import io.newsflow.app.bench.CorpusGenerator;
import io.newsflow.app.bench.GeneratedArticle;
import io.newsflow.ingest.ArticleFiles;
import io.newsflow.ingest.Collected;
import io.newsflow.ingest.IncomingArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @TempDir
  Path dir;

  private final InProcessNewsflow cli = new InProcessNewsflow();

  @Test
  void ingestReadsBackExactlyTheGeneratedArticles() throws Exception {
    Path archive = dir.resolve("generated.jsonl.gz");

    assertEquals(0, cli.run("generate", "--articles", "300", "--seed", "5", "--output", archive.toString()),
        cli.err());

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
    assertTrue(cli.err().contains("generate: 300 articles of "), cli.err());
  }

  @Test
  void theSameSeedWritesTheSameBytes() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    assertEquals(0, cli.run("generate", "--articles", "50", "--output", a.toString()));
    assertEquals(0, cli.run("generate", "--articles", "50", "--output", b.toString()));

    assertEquals(Files.readString(a), Files.readString(b));
    assertEquals(50, Files.readAllLines(a).size());
  }

  @Test
  void aMissingDirectoryIsAUsageErrorOnOneLine() {
    int exit = cli.run("generate", "--articles", "5", "--output", dir.resolve("no/such/dir/x.jsonl").toString());

    assertEquals(ExitCodes.USAGE, exit);
    String message = cli.err().strip();
    assertTrue(message.startsWith("error: --output ") && !message.contains("\n"), message);
  }
}
