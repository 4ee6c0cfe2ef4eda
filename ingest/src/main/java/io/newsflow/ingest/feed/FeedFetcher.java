package io.newsflow.ingest.feed;

import io.newsflow.ingest.RejectionReason;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches feeds and article pages over HTTP(S) within {@link FetchSettings}: a User-Agent on every
 * request, conditional GET, gzip, a connect timeout and a whole-request timeout, a byte limit, and
 * redirects followed here rather than by the client, so that each hop's scheme is checked (a
 * redirect to {@code file:} or {@code ftp:} is refused, as is one to an internal address) and the count is ours. Thread-safe: one
 * fetcher serves all feeds.
 */
public final class FeedFetcher {
  private final FetchSettings settings;
  private final HttpClient client;

  public FeedFetcher(FetchSettings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder()
        .connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public FetchSettings settings() {
    return settings;
  }

  /**
   * The document at {@code url}, or {@link Fetched#notModified()} when the server says the version
   * identified by {@code validators} is still current.
   *
   * @throws FetchException       for a refused URL, an error status, too many redirects, a timeout,
   *                              a connection failure or a body over the limit
   * @throws InterruptedException when the calling thread is interrupted (the poller is closing)
   */
  public Fetched fetch(URI url, Validators validators) throws FetchException, InterruptedException {
    URI current = checkTarget(url);
    for (int redirects = 0; ; redirects++) {
      HttpResponse<byte[]> response = send(current, validators);
      int status = response.statusCode();
      if (isRedirect(status)) {
        if (redirects == settings.maxRedirects()) {
          throw new FetchException(RejectionReason.HTTP_ERROR,
              "more than " + settings.maxRedirects() + " redirects; the last one came from " + current);
        }
        String location = response.headers().firstValue("Location").orElseThrow(() -> new FetchException(
            RejectionReason.HTTP_ERROR, "HTTP " + status + " redirect without a Location header"));
        current = checkTarget(resolve(current, location));
        continue;
      }
      if (status == 304) {
        // A 304 may refresh the validators; what it leaves out stays as it was.
        return Fetched.notModified(current, new Validators(
            response.headers().firstValue("ETag").orElse(validators.etag()),
            response.headers().firstValue("Last-Modified").orElse(validators.lastModified())));
      }
      if (status < 200 || status > 299) {
        throw new FetchException(RejectionReason.HTTP_ERROR, "HTTP " + status + " from " + current);
      }
      Validators next = new Validators(response.headers().firstValue("ETag").orElse(null),
          response.headers().firstValue("Last-Modified").orElse(null));
      byte[] body = ContentEncoding.decode(response.body(),
          response.headers().firstValue("Content-Encoding").orElse(null), settings.maxBytes(), current.toString());
      return new Fetched(current, false, body, response.headers().firstValue("Content-Type").orElse(null), next);
    }
  }

  private HttpResponse<byte[]> send(URI url, Validators validators) throws FetchException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .GET()
        .timeout(settings.readTimeout())
        .header("User-Agent", settings.userAgent())
        .header("Accept-Encoding", ContentEncoding.ACCEPTED)
        .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5");
    if (validators.etag() != null) {
      request.header("If-None-Match", validators.etag());
    }
    if (validators.lastModified() != null) {
      request.header("If-Modified-Since", validators.lastModified());
    }
    // Only a successful answer's body is read, and only up to the limit; error pages are discarded.
    CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(), info ->
        info.statusCode() >= 200 && info.statusCode() <= 299
            ? new LimitedBody(settings.maxBytes(), info.headers().firstValueAsLong("Content-Length").orElse(-1))
            : HttpResponse.BodySubscribers.replacing(new byte[0]));
    try {
      // The request timeout covers only the wait for headers; this bounds the body as well.
      return exchange.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw timedOut(url);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw failure(url, e.getCause());
    }
  }

  private FetchException failure(URI url, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof LimitedBody.TooLargeException) {
        return new FetchException(RejectionReason.TOO_LARGE, url + ": response " + t.getMessage());
      }
      if (t instanceof HttpConnectTimeoutException) {
        return new FetchException(RejectionReason.UNREACHABLE,
            url + ": no connection within " + settings.connectTimeout().toMillis() + " ms");
      }
      if (t instanceof HttpTimeoutException) {
        return timedOut(url);
      }
      if (t instanceof ConnectException) {
        return new FetchException(RejectionReason.UNREACHABLE, url + ": connection refused or failed");
      }
    }
    return new FetchException(RejectionReason.UNREACHABLE, url + ": " + cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
  }

  private FetchException timedOut(URI url) {
    return new FetchException(RejectionReason.UNREACHABLE,
        url + ": no complete answer within " + settings.readTimeout().toMillis() + " ms");
  }

  /** {@code url} when it may be fetched: http(s), and on a public address unless private ones are allowed. */
  private URI checkTarget(URI url) throws FetchException {
    checkScheme(url);
    if (!settings.allowPrivateAddresses()) {
      AddressGuard.check(url);
    }
    return url;
  }

  /** {@code url} when it is an absolute http(s) URL with a host. */
  static URI checkScheme(URI url) throws FetchException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new FetchException(RejectionReason.UNSUPPORTED_URL,
          "only absolute http and https URLs are fetched, not '" + url + "'");
    }
    return url;
  }

  private static URI resolve(URI base, String location) throws FetchException {
    try {
      return base.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FetchException(RejectionReason.HTTP_ERROR, "redirect to an invalid URL: " + location);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }
}
