package io.newsflow.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.IncomingArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleSpoolTest {
  @TempDir Path dir;

  @Test
  void readsBackEveryFieldInAnyOrderAndDeletesItsFileOnClose() throws Exception {
    IncomingArticle full = new IncomingArticle("wire", "https://example.com/a?x=1", "g-1", "Title \u00e9\u4e2d",
        "x".repeat(70_000) + " \ud83d\ude00", true, "en", "A. Writer", Instant.parse("1987-03-01T10:15:30.123456789Z"),
        "feed.jsonl:3");
    IncomingArticle sparse = new IncomingArticle("daily", null, "g-2", "T", "body", false, null, null, null, "a.txt");
    long first;
    long second;
    try (ArticleSpool spool = ArticleSpool.create(dir.resolve("spool"))) {
      first = spool.append(full);
      second = spool.append(sparse);
      assertThat(spool.read(second)).isEqualTo(sparse);
      assertThat(spool.read(first)).isEqualTo(full);
      assertThat(second).isGreaterThan(first + 70_000);
      assertThat(spool.size()).isGreaterThan(second);
    }
    try (var files = Files.list(dir.resolve("spool"))) {
      assertThat(files).isEmpty();
    }
  }
}
