package io.newsflow.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * One feed to poll.
 *
 * @param url        absolute http(s) address of the RSS or Atom document
 * @param source     the outlet name its articles carry
 * @param interval   time between polls while the feed is healthy
 * @param fetchPages whether items that carry only a summary are completed from their article page
 */
public record Feed(URI url, String source, Duration interval, boolean fetchPages) {
  public Feed {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive: " + interval);
    }
  }

  @Override
  public String toString() {
    return source + " " + url;
  }
}
