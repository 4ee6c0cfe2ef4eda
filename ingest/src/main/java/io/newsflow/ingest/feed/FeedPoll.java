package io.newsflow.ingest.feed;

import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.Rejection;
import io.newsflow.ingest.RejectionReason;
import io.newsflow.ingest.SourceListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one feed: fetch (conditionally), read, complete short items from their pages, and
 * hand on what is new. Items that the previous poll already handed on unchanged are skipped: feeds
 * repeat their items for days, and each repeat would cost a page fetch and a Kafka record. Returns
 * the wait before the next poll, the backoff when the poll failed.
 */
final class FeedPoll {
  private static final Logger LOG = LoggerFactory.getLogger(FeedPoll.class);

  private final FeedFetcher fetcher;
  private final FeedReader reader;
  private final ArticlePages pages;
  private final SourceListener out;
  private final Clock clock;

  FeedPoll(FeedFetcher fetcher, FeedReader reader, ArticlePages pages, SourceListener out, Clock clock) {
    this.fetcher = fetcher;
    this.reader = reader;
    this.pages = pages;
    this.out = out;
    this.clock = clock;
  }

  Duration poll(FeedState state) throws InterruptedException {
    Feed feed = state.feed();
    Fetched fetched;
    try {
      fetched = fetcher.fetch(feed.url(), state.validators());
    } catch (FetchException e) {
      Rejection failure = new Rejection(feed.url().toString(), e.reason(), e.getMessage(), null);
      out.rejected(failure);
      state.rejection();
      return state.failed(failure.reason().code() + ": " + failure.message(), clock.instant());
    }
    if (fetched.notModified()) {
      return state.notModified(fetched.validators(), clock.instant());
    }
    Items items = new Items(state);
    if (!reader.read(feed, fetched, feed.fetchPages(), items)) {
      // Validators not kept: a 304 would hide that the feed is still broken.
      return state.failed(items.feedError, clock.instant());
    }
    if (items.interrupted != null) {
      throw items.interrupted;
    }
    return state.read(fetched.validators(), items.seen, clock.instant());
  }

  /** Receives the reader's items, skips the ones seen last time, completes pages, hands on the rest. */
  private final class Items implements SourceListener {
    private final FeedState state;
    private final Set<String> previous;
    private final Set<String> seen = new HashSet<>();
    private String feedError;
    private InterruptedException interrupted;

    Items(FeedState state) {
      this.state = state;
      this.previous = state.itemsSeen();
    }

    @Override
    public void article(IncomingArticle item) {
      if (interrupted != null || isRepeat(fingerprint(item.url(), item.guid(), item.title(), item.body(),
          String.valueOf(item.publishedAt())))) {
        return;
      }
      IncomingArticle article = item;
      if (state.feed().fetchPages() && pages.needsPage(item)) {
        try {
          article = pages.complete(item);
        } catch (FetchException e) {
          state.pageFailure();
          if (item.body().isBlank()) {
            handOn(new Rejection(item.origin(), e.reason(), "article page: " + e.getMessage(), null));
            return;
          }
          LOG.warn("{}: keeping the feed's summary, the article page failed: {}", item.origin(), e.getMessage());
        } catch (InterruptedException e) {
          interrupted = e;   // closing: stop handing on; the poll rethrows
          return;
        }
        if (article.body().isBlank()) {
          handOn(new Rejection(item.origin(), RejectionReason.EMPTY_BODY,
              "item '" + item.title() + "' has no text, nor has its page", null));
          return;
        }
      }
      out.article(article);
      state.article();
    }

    @Override
    public void rejected(Rejection rejection) {
      if (rejection.origin().equals(state.feed().url().toString())) {
        feedError = rejection.reason().code() + ": " + rejection.message();
      } else if (interrupted != null || isRepeat(fingerprint(rejection.reason().code(),
          new String(rejection.raw(), StandardCharsets.UTF_8)))) {
        return;
      }
      handOn(rejection);
    }

    /** Hands on a rejection that is not fingerprinted: its item already is, so it is not retried. */
    private void handOn(Rejection rejection) {
      out.rejected(rejection);
      state.rejection();
    }

    private boolean isRepeat(String fingerprint) {
      seen.add(fingerprint);
      if (previous.contains(fingerprint)) {
        state.unchangedItem();
        return true;
      }
      return false;
    }
  }

  private static String fingerprint(String... fields) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String field : fields) {
        sha.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);   // a separator no text contains, so fields cannot run into each other
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
