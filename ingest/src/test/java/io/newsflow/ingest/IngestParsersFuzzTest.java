package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.newsflow.ingest.feed.Feed;
import io.newsflow.ingest.feed.FeedReader;
import io.newsflow.ingest.page.PageExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * Coverage-guided fuzzing (Jazzer) of everything ingest parses: a JSON Lines article, JSON Lines,
 * Reuters SGML and HTML files, feeds and article pages. Each input gives articles or rejections, one
 * rejection per bad item, and nothing else: an exception escaping a source would stop a whole load.
 * By default the inputs under {@code src/test/resources/.../IngestParsersFuzzTestInputs} run as
 * regression tests; {@code -Pfuzz} fuzzes each target for a bounded time.
 */
class IngestParsersFuzzTest {
  private static final Feed FEED = new Feed(URI.create("https://fuzz.example/rss"), "fuzz", Duration.ofMinutes(5), false);
  private static final Path WORK = workDir();

  @FuzzTest(maxDuration = "20s")
  void aJsonLineIsAnArticleOrOneRejection(byte[] line) {
    try {
      IncomingArticle article = ArticleJson.toArticle(ArticleJson.parse(line), "fuzz", "fuzz.jsonl:1");
      assertThat(article.title()).isNotBlank();
    } catch (ArticleJson.InvalidArticle rejected) {
      assertThat(rejected.reason()).isNotNull();
      assertThat(rejected.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "20s")
  void jsonLinesFilesGiveArticlesAndRejections(byte[] content) {
    read(new JsonLinesSource(), "fuzz.jsonl", content);
  }

  @FuzzTest(maxDuration = "20s")
  void reutersSgmlFilesGiveArticlesAndRejections(byte[] content) {
    read(new ReutersSgmlSource(), "fuzz.sgm", content);
  }

  @FuzzTest(maxDuration = "20s")
  void htmlFilesGiveAnArticleOrARejection(byte[] content) {
    Collected out = read(new HtmlFileSource(), "fuzz.html", content);
    assertThat(out.articles.size() + out.rejections.size()).isEqualTo(1);
  }

  @FuzzTest(maxDuration = "20s")
  void feedsGiveArticlesOrOneRejection(byte[] body) {
    Collected out = new Collected();
    if (!new FeedReader().read(FEED, body, null, false, out)) {
      assertThat(out.rejections).hasSize(1);
      assertThat(out.articles).isEmpty();
    }
  }

  @FuzzTest(maxDuration = "20s")
  void articlePagesAlwaysGiveAPage(byte[] html) {
    assertThat(new PageExtractor().extract(html, null, "https://fuzz.example/page").paragraphs()).doesNotContainNull();
  }

  private static Collected read(FileSource source, String name, byte[] content) {
    Path file = WORK.resolve(name);
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Collected out = new Collected();
    source.read(file, out);
    out.rejections.forEach(r -> assertThat(r.describe()).isNotBlank().doesNotContain("\n"));
    return out;
  }

  private static Path workDir() {
    try {
      return Files.createTempDirectory(Files.createDirectories(Paths.get("target")), "fuzz-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
