package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedListShardTest {
  static FeedList feeds(int n) {
    List<Feed> feeds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      feeds.add(new Feed(URI.create("https://outlet" + i + ".example/rss"), "outlet" + i, Duration.ofMinutes(5), false));
    }
    return new FeedList(feeds);
  }

  @Test
  void everyFeedGoesToExactlyOneInstanceAndTheSplitIsStable() {
    FeedList all = feeds(200);
    List<Feed> seen = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<Feed> shard = all.shard(i, 3).feeds();
      assertThat(shard).as("shard %d is neither empty nor everything", i).isNotEmpty().hasSizeLessThan(200);
      assertThat(all.shard(i, 3).feeds()).isEqualTo(shard);
      seen.addAll(shard);
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(all.feeds());
    assertThat(all.shard(0, 1).feeds()).isEqualTo(all.feeds());
  }

  @Test
  void aShardThatDoesNotExistIsAnError() {
    assertThatThrownBy(() -> feeds(3).shard(3, 3)).hasMessageContaining("feed shard 3 of 3");
  }
}
