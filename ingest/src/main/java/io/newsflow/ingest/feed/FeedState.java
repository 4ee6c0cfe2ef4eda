package io.newsflow.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What the poller remembers about one feed between polls: the validators for conditional GET, the
 * items handed on last time, failures for the backoff, and counters. Polls of one feed never
 * overlap, but status snapshots are taken from other threads, hence the locking.
 */
final class FeedState {
  private final Feed feed;
  private final Duration maxBackoff;
  private Validators validators = Validators.NONE;
  private Set<String> itemsSeen = Set.of();
  private int consecutiveFailures;
  private long polls;
  private long notModified;
  private long errors;
  private long articles;
  private long rejections;
  private long unchangedItems;
  private long pageFailures;
  private Duration retryDelay;
  private Instant lastPollAt;
  private Instant nextPollAt;
  private String lastError;

  FeedState(Feed feed, Duration maxBackoff) {
    this.feed = feed;
    this.maxBackoff = maxBackoff;
    this.retryDelay = feed.interval();
  }

  Feed feed() {
    return feed;
  }

  synchronized Validators validators() {
    return validators;
  }

  synchronized Set<String> itemsSeen() {
    return itemsSeen;
  }

  synchronized void article() {
    articles++;
  }

  synchronized void rejection() {
    rejections++;
  }

  synchronized void unchangedItem() {
    unchangedItems++;
  }

  synchronized void pageFailure() {
    pageFailures++;
  }

  /** A 304: the feed is healthy and has nothing new. */
  synchronized Duration notModified(Validators next, Instant now) {
    notModified++;
    validators = next;
    return succeeded(now);
  }

  /** A feed read: remember its validators and items, so that the next poll skips what it saw. */
  synchronized Duration read(Validators next, Set<String> items, Instant now) {
    validators = next;
    itemsSeen = Set.copyOf(items);
    return succeeded(now);
  }

  /** A failed poll; returns the backoff before the next attempt. */
  synchronized Duration failed(String error, Instant now) {
    polls++;
    errors++;
    consecutiveFailures++;
    lastError = error;
    return scheduled(now);
  }

  private Duration succeeded(Instant now) {
    polls++;
    consecutiveFailures = 0;
    return scheduled(now);
  }

  private Duration scheduled(Instant now) {
    retryDelay = Backoff.delay(feed.interval(), consecutiveFailures, maxBackoff);
    lastPollAt = now;
    nextPollAt = now.plus(retryDelay);
    return retryDelay;
  }

  synchronized FeedStatus status() {
    return new FeedStatus(feed.source(), feed.url(), polls, notModified, errors, articles, rejections,
        unchangedItems, pageFailures, consecutiveFailures, retryDelay, lastPollAt, nextPollAt, lastError, validators);
  }
}
