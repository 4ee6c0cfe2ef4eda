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
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Coverage-guided fuzzing (Jazzer) of everything ingest parses: a JSON Lines article, JSON Lines,
 * Reuters SGML and HTML files, feeds and article pages. Each input gives articles or rejections, one
 * rejection per bad item, and nothing else: an exception escaping a source would stop a whole load.
 * One target for all parsers, as Jazzer fuzzes one target per test JVM. By default the inputs under
 * {@code src/test/resources/.../IngestParsersFuzzTestInputs} run as regression tests; {@code -Pfuzz}
 * fuzzes for a bounded time.
 */
class IngestParsersFuzzTest {
  private static final Feed FEED = new Feed(URI.create("https://fuzz.example/rss"), "fuzz", Duration.ofMinutes(5), false);
  private static final Path WORK = workDir();
  /** The parser an input goes to is chosen by its first byte; the rest is what the parser reads. */
  private static final List<Consumer<byte[]>> PARSERS = List.of(
      IngestParsersFuzzTest::jsonLine,
      IngestParsersFuzzTest::jsonLinesFile,
      IngestParsersFuzzTest::reutersSgmlFile,
      IngestParsersFuzzTest::htmlFile,
      IngestParsersFuzzTest::feed,
      IngestParsersFuzzTest::articlePage);

  @FuzzTest(maxDuration = "45s")
  void everyParserGivesArticlesOrRejections(byte[] input) {
    if (input.length > 0) {
      PARSERS.get(Byte.toUnsignedInt(input[0]) % PARSERS.size()).accept(Arrays.copyOfRange(input, 1, input.length));
    }
  }

  /** A JSON Lines line is an article, or InvalidArticle (the parser's one checked rejection). */
  private static void jsonLine(byte[] line) {
    try {
      IncomingArticle article = ArticleJson.toArticle(ArticleJson.parse(line), "fuzz", "fuzz.jsonl:1");
      assertThat(article.title()).isNotBlank();
    } catch (ArticleJson.InvalidArticle rejected) {
      assertThat(rejected.reason()).isNotNull();
      assertThat(rejected.getMessage()).isNotBlank();
    }
  }

  private static void jsonLinesFile(byte[] content) {
    read(new JsonLinesSource(), "fuzz.jsonl", content);
  }

  private static void reutersSgmlFile(byte[] content) {
    read(new ReutersSgmlSource(), "fuzz.sgm", content);
  }

  private static void htmlFile(byte[] content) {
    Collected out = read(new HtmlFileSource(), "fuzz.html", content);
    assertThat(out.articles.size() + out.rejections.size()).isEqualTo(1);
  }

  private static void feed(byte[] body) {
    Collected out = new Collected();
    if (!new FeedReader().read(FEED, body, null, false, out)) {
      assertThat(out.rejections).hasSize(1);
      assertThat(out.articles).isEmpty();
    }
  }

  private static void articlePage(byte[] html) {
    assertThat(new PageExtractor().extract(html, null, "https://fuzz.example/page").paragraphs()).doesNotContainNull();
  }

  /** Sources never throw: every problem is a rejection of one line, so one bad file cannot stop a load. */
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
