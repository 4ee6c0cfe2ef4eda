package io.newsflow.ingest.feed;

import static io.newsflow.ingest.feed.LoopbackServer.fixture;
import static io.newsflow.ingest.feed.LoopbackServer.redirect;
import static io.newsflow.ingest.feed.LoopbackServer.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.ingest.RejectionReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FeedFetcherTest {
  static final FetchSettings FAST = FetchSettings.defaults()
      .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)).withMaxBytes(64 * 1024).withMaxRedirects(2)
      .withPrivateAddresses(true);  // the test server is on loopback

  private final LoopbackServer server = new LoopbackServer();
  private final FeedFetcher fetcher = new FeedFetcher(FAST);

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void sendsUserAgentAndValidatorsAndReads304AsNotModified() throws Exception {
    byte[] feed = fixture("feeds/world-rss2.xml");
    server.route("/rss", exchange -> {
      if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      exchange.getResponseHeaders().set("ETag", "\"v1\"");
      exchange.getResponseHeaders().set("Last-Modified", "Fri, 01 Mar 2024 10:30:00 GMT");
      send(exchange, 200, "application/rss+xml; charset=utf-8", feed);
    });

    Fetched first = fetcher.fetch(server.url("/rss"), Validators.NONE);
    Fetched second = fetcher.fetch(server.url("/rss"), first.validators());

    assertThat(first.notModified()).isFalse();
    assertThat(first.body()).isEqualTo(feed);
    assertThat(first.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
    assertThat(first.validators()).isEqualTo(new Validators("\"v1\"", "Fri, 01 Mar 2024 10:30:00 GMT"));
    assertThat(second.notModified()).isTrue();
    assertThat(second.validators()).as("kept for the poll after").isEqualTo(first.validators());
    var sent = server.requests("/rss").get(1).headers();
    assertThat(sent.getFirst("User-Agent")).isEqualTo("Newsflow/0.1 (+https://github.com/newsflow)");
    assertThat(sent.getFirst("If-None-Match")).isEqualTo("\"v1\"");
    assertThat(sent.getFirst("If-Modified-Since")).isEqualTo("Fri, 01 Mar 2024 10:30:00 GMT");
  }

  @Test
  void followsRedirectsUpToTheLimitThenFails() throws Exception {
    server.route("/hop", exchange -> {
      int n = Integer.parseInt(exchange.getRequestURI().getQuery());
      redirect(exchange, n % 2 == 0 ? 301 : 307, n == 0 ? "/final" : "/hop?" + (n - 1));
    });
    server.route("/final", exchange -> send(exchange, 200, "text/xml", "<rss/>".getBytes()));

    Fetched twoHops = fetcher.fetch(server.url("/hop?1"), Validators.NONE);

    assertThat(twoHops.url()).isEqualTo(server.url("/final"));
    assertThat(new String(twoHops.body())).isEqualTo("<rss/>");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/hop?2"), Validators.NONE))
        .isInstanceOfSatisfying(FetchException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectionReason.HTTP_ERROR);
          assertThat(e.getMessage()).startsWith("more than 2 redirects");
        });
  }

  @Test
  void refusesSchemesOtherThanHttpAlsoWhenRedirectedThere() {
    server.route("/to-file", exchange -> redirect(exchange, 302, "file:///etc/passwd"));

    assertThatThrownBy(() -> fetcher.fetch(URI.create("ftp://example.com/feed.xml"), Validators.NONE))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_URL))
        .hasMessage("only absolute http and https URLs are fetched, not 'ftp://example.com/feed.xml'");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/to-file"), Validators.NONE))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_URL))
        .hasMessageContaining("file:///etc/passwd");
  }

  @Test
  void errorStatusIsAnHttpError() {
    server.route("/gone", exchange -> send(exchange, 404, "text/html", "<h1>Not found</h1>".getBytes()));

    assertThatThrownBy(() -> fetcher.fetch(server.url("/gone"), Validators.NONE))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.HTTP_ERROR))
        .hasMessage("HTTP 404 from " + server.url("/gone"));
  }

  @Test
  void bodyOverTheLimitIsAbortedWhetherDeclaredOrStreamed() {
    byte[] big = new byte[200 * 1024];
    Arrays.fill(big, (byte) 'x');
    server.route("/declared", exchange -> send(exchange, 200, "text/xml", big));
    server.route("/streamed", exchange -> {
      exchange.sendResponseHeaders(200, 0);   // chunked: no length to judge by
      try (OutputStream out = exchange.getResponseBody()) {
        for (int i = 0; i < 1000; i++) {   // 8 MB if nobody stops it
          out.write(big, 0, 8192);
        }
      } catch (IOException clientHungUp) {
        // expected: the fetcher stops reading at the limit
      }
    });

    assertThatThrownBy(() -> fetcher.fetch(server.url("/declared"), Validators.NONE))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE))
        .hasMessageContaining("declared 204800 bytes, more than the limit of 65536 bytes");
    assertThatThrownBy(() -> fetcher.fetch(server.url("/streamed"), Validators.NONE))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE))
        .hasMessageContaining("sent more than the limit of 65536 bytes");
  }

  @Test
  void serverThatDoesNotAnswerInTimeIsUnreachable() {
    server.route("/slow", exchange -> server.stall());

    assertThatThrownBy(() -> fetcher.fetch(server.url("/slow"), Validators.NONE))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNREACHABLE))
        .hasMessage(server.url("/slow") + ": no complete answer within 300 ms");
  }

  @Test
  void serverThatSendsHeadersButStallsTheBodyIsCutOffToo() {
    server.route("/trickle", exchange -> {
      exchange.sendResponseHeaders(200, 0);
      exchange.getResponseBody().write("<rss>".getBytes());
      exchange.getResponseBody().flush();
      server.stall();
    });

    assertThatThrownBy(() -> fetcher.fetch(server.url("/trickle"), Validators.NONE))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNREACHABLE))
        .hasMessageEndingWith("no complete answer within 300 ms");
  }

  @Test
  void closedPortIsUnreachable() throws Exception {
    URI closed;
    try (LoopbackServer gone = new LoopbackServer()) {
      closed = gone.url("/rss");
    }

    assertThatThrownBy(() -> fetcher.fetch(closed, Validators.NONE))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNREACHABLE));
  }

  @Test
  void byDefaultRefusesInternalAddressesWithoutSendingARequest() {
    server.route("/rss", exchange -> send(exchange, 200, "application/rss+xml", new byte[0]));
    FeedFetcher guarded = new FeedFetcher(FetchSettings.defaults());

    for (URI internal : new URI[] {server.url("/rss"), URI.create("http://169.254.169.254/latest/meta-data/"),
        URI.create("http://[::1]:1/feed"), URI.create("https://10.1.2.3/rss"), URI.create("http://0.0.0.0/")}) {
      assertThatThrownBy(() -> guarded.fetch(internal, Validators.NONE))
          .isInstanceOfSatisfying(FetchException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectionReason.FORBIDDEN_ADDRESS))
          .hasMessageContaining("internal address")
          .hasMessageContaining(FetchSettings.ALLOW_PRIVATE_ADDRESSES);
    }
    assertThat(server.requests("/rss")).isEmpty();
  }

  @Test
  void gzipBodiesAreUnpackedWithinTheLimit() throws Exception {
    byte[] feed = fixture("feeds/world-rss2.xml");
    server.route("/gz", exchange -> {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      send(exchange, 200, "application/rss+xml", gzip(feed));
    });
    byte[] bomb = gzip(new byte[10 * 1024 * 1024]);   // about 10 KB on the wire
    server.route("/bomb", exchange -> {
      exchange.getResponseHeaders().set("Content-Encoding", "gzip");
      send(exchange, 200, "application/rss+xml", bomb);
    });
    // Patient enough that only the size limit can stop the bomb, however busy the machine is.
    FeedFetcher patient = new FeedFetcher(FAST.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));

    Fetched fetched = fetcher.fetch(server.url("/gz"), Validators.NONE);

    assertThat(fetched.body()).isEqualTo(feed);
    assertThat(server.requests("/gz").get(0).headers().getFirst("Accept-Encoding")).isEqualTo("gzip");
    assertThatThrownBy(() -> patient.fetch(server.url("/bomb"), Validators.NONE))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE))
        .hasMessageEndingWith("response unpacks to more than the limit of 65536 bytes");
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }
}
