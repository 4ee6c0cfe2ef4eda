package io.newsflow.ingest.feed;

import io.newsflow.ingest.Collected;
import static io.newsflow.ingest.feed.LoopbackServer.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.page.ExtractedPage;
import io.newsflow.ingest.page.PageExtractor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random, truncated and damaged input into the feed reader and the page extractor: each must give
 * articles, rejections or an empty result, never throw. Seeds are fixed so a failure reproduces.
 */
class FetchedInputFuzzTest {
  private static final Feed FEED = new Feed(URI.create("https://fuzz.example/rss"), "fuzz", Duration.ofMinutes(5), false);
  private static final List<String> FEEDS = List.of("feeds/world-rss2.xml", "feeds/science-atom.xml",
      "feeds/economie-latin1.xml", "feeds/malformed-rss.xml");
  private static final List<String> PAGES = List.of("pages/news-article.html", "pages/blog-no-article-tag.html");

  private final FeedReader reader = new FeedReader();
  private final PageExtractor extractor = new PageExtractor();

  @Test
  void feedReaderRejectsOrReadsEveryInput() {
    Random random = new Random(20240301);
    for (String name : FEEDS) {
      byte[] feed = fixture(name);
      for (int end = 0; end < feed.length; end += 13) {
        readFeed(Arrays.copyOf(feed, end), name + " truncated at " + end);
      }
      for (int i = 0; i < 100; i++) {
        readFeed(damaged(feed, random), name + " damaged, round " + i);
      }
    }
    for (int i = 0; i < 150; i++) {
      byte[] noise = new byte[random.nextInt(2048)];
      random.nextBytes(noise);
      readFeed(noise, "random bytes, round " + i);
      readFeed(("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item>" + new String(noise, StandardCharsets.ISO_8859_1))
          .getBytes(StandardCharsets.ISO_8859_1), "feed start then noise, round " + i);
    }
  }

  @Test
  void pageExtractorGivesAResultForEveryInput() {
    Random random = new Random(20240302);
    for (String name : PAGES) {
      byte[] page = fixture(name);
      for (int end = 0; end < page.length; end += 29) {
        extract(Arrays.copyOf(page, end));
      }
      for (int i = 0; i < 100; i++) {
        extract(damaged(page, random));
      }
    }
    for (int i = 0; i < 150; i++) {
      byte[] noise = new byte[random.nextInt(4096)];
      random.nextBytes(noise);
      extract(noise);
      String jsonLd = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":"
          + new String(noise, 0, Math.min(noise.length, 64), StandardCharsets.ISO_8859_1) + "</script>";
      assertThat(extractor.extract(jsonLd, "https://fuzz.example/")).isNotNull();
    }
  }

  private void readFeed(byte[] bytes, String what) {
    Collected out = new Collected();
    boolean read = reader.read(FEED, bytes, null, false, out);
    if (!read) {
      assertThat(out.rejections).as(what).hasSize(1);
      assertThat(out.articles).as(what).isEmpty();
    }
  }

  private void extract(byte[] bytes) {
    ExtractedPage page = extractor.extract(bytes, null, "https://fuzz.example/page");
    assertThat(page.paragraphs()).doesNotContainNull();
  }

  /** {@code input} with a few bytes overwritten, dropped or duplicated. */
  private static byte[] damaged(byte[] input, Random random) {
    byte[] out = input.clone();
    if (out.length == 0) {
      return out;
    }
    int changes = 1 + random.nextInt(8);
    for (int i = 0; i < changes; i++) {
      out[random.nextInt(out.length)] = (byte) random.nextInt(256);
    }
    int cut = random.nextInt(out.length);
    return random.nextBoolean() ? out : Arrays.copyOfRange(out, cut, out.length);
  }
}
