package io.newsflow.ingest.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on every feed and page fetch.
 *
 * @param connectTimeout longest wait for a TCP (and TLS) connection
 * @param readTimeout    longest wait, per request, from sending it to holding the whole body; a
 *                       server that trickles bytes is cut off as surely as one that never answers
 * @param maxRedirects   redirects followed per fetch; one more is an error
 * @param maxBytes       largest body read; reading stops as soon as it is passed
 * @param userAgent      sent with every request, so that publishers can tell who polls them
 * @param allowPrivateAddresses whether hosts resolving to loopback, private or link-local addresses may be
 *                       fetched ({@value #ALLOW_PRIVATE_ADDRESSES}); off by default, see {@link AddressGuard}
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, int maxRedirects, long maxBytes,
                            String userAgent, boolean allowPrivateAddresses) {
  public static final String USER_AGENT = "Newsflow/0.1 (+https://github.com/newsflow)";
  public static final String ALLOW_PRIVATE_ADDRESSES = "ingest.feeds.allow-private-addresses";

  public FetchSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    if (maxRedirects < 0 || maxBytes <= 0) {
      throw new IllegalArgumentException("maxRedirects must be >= 0 and maxBytes > 0");
    }
  }

  /** 10 s to connect, 30 s per request, 5 redirects, 5 MB, public addresses only. */
  public static FetchSettings defaults() {
    return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 5, 5L * 1024 * 1024, USER_AGENT, false);
  }

  public FetchSettings withTimeouts(Duration connect, Duration read) {
    return new FetchSettings(connect, read, maxRedirects, maxBytes, userAgent, allowPrivateAddresses);
  }

  public FetchSettings withMaxBytes(long bytes) {
    return new FetchSettings(connectTimeout, readTimeout, maxRedirects, bytes, userAgent, allowPrivateAddresses);
  }

  public FetchSettings withMaxRedirects(int redirects) {
    return new FetchSettings(connectTimeout, readTimeout, redirects, maxBytes, userAgent, allowPrivateAddresses);
  }

  public FetchSettings withPrivateAddresses(boolean allowed) {
    return new FetchSettings(connectTimeout, readTimeout, maxRedirects, maxBytes, userAgent, allowed);
  }
}
