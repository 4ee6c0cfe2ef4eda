package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {
  @TempDir
  Path dir;

  @Test
  void readsUrlSourceIntervalAndOptionSkippingCommentsAndBlankLines() throws Exception {
    Path file = write("""
        # url                                          source    interval  options
        https://feeds.bbci.co.uk/news/world/rss.xml    bbc       5m

        https://www.theguardian.com/world/rss\tguardian\tPT10M\tfetch-pages   # full text from the page
        http://example.com/feed#main                   example   1h
        """);

    FeedList list = FeedList.read(file);

    assertThat(list.feeds()).containsExactly(
        new Feed(URI.create("https://feeds.bbci.co.uk/news/world/rss.xml"), "bbc", Duration.ofMinutes(5), false),
        new Feed(URI.create("https://www.theguardian.com/world/rss"), "guardian", Duration.ofMinutes(10), true),
        new Feed(URI.create("http://example.com/feed#main"), "example", Duration.ofHours(1), false));
  }

  @Test
  void eachProblemIsOneLineNamingFileAndLine() throws IOException {
    assertProblem("https://a.example/rss a\n", "feeds.txt:1: expected 'url source interval [fetch-pages]', got 2 field(s)");
    assertProblem("\nftp://a.example/rss a 5m\n", "feeds.txt:2: only http and https feeds can be polled, not 'ftp://a.example/rss'");
    assertProblem("file:///etc/passwd a 5m\n", "feeds.txt:1: only http and https feeds can be polled, not 'file:///etc/passwd'");
    assertProblem("https://a.example/rss a soon\n", "feeds.txt:1: not an interval: 'soon'; write e.g. 30s, 5m, 1h or PT5M");
    assertProblem("https://a.example/rss a 1s\n", "feeds.txt:1: interval 1s is shorter than the minimum of 10s");
    assertProblem("https://a.example/rss a 5m full-text\n", "feeds.txt:1: unknown option 'full-text'; the only option is fetch-pages");
    assertProblem("https://a.example/rss a 5m\nhttps://a.example/rss b 10m\n",
        "feeds.txt:2: https://a.example/rss is already listed on line 1");
    assertProblem("https://a.example/a b c a 5m fetch-pages\n",
        "feeds.txt:1: too many fields; expected 'url source interval [fetch-pages]'");
  }

  @Test
  void missingFileIsOneLine() {
    Path missing = dir.resolve("nope.txt");
    assertThatThrownBy(() -> FeedList.read(missing))
        .isInstanceOf(FeedListException.class)
        .hasMessageStartingWith(missing + ": cannot read: NoSuchFileException");
  }

  private void assertProblem(String text, String message) throws IOException {
    Path file = dir.resolve("feeds.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FeedList.read(file)).isInstanceOf(FeedListException.class)
        .hasMessage(file.getParent().resolve("feeds.txt") + message.substring("feeds.txt".length()));
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("feeds.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
