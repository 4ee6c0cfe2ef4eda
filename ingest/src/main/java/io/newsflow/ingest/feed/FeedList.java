package io.newsflow.ingest.feed;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The feeds to poll, read from a plain-text file: one feed per line, fields separated by spaces or
 * tabs, {@code #} starts a comment, blank lines are ignored.
 *
 * <pre>
 * # url                                          source    interval  options
 * https://feeds.bbci.co.uk/news/world/rss.xml    bbc       5m
 * https://www.theguardian.com/world/rss          guardian  10m       fetch-pages
 * </pre>
 *
 * <p>The URL must be absolute http or https. The source name is what the articles carry. The
 * interval is a number with a unit ({@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}) or an ISO-8601
 * duration ({@code PT5M}); at least 10 seconds, so that a typo cannot hammer a server. The only
 * option is {@code fetch-pages}. A URL may appear only once. Every problem is reported as one line
 * naming the file and line, and the first one stops the read: a half-read list would silently drop feeds.
 */
public record FeedList(List<Feed> feeds) {
  /** Shortest interval a feed list may ask for. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
  /** The option that turns on article-page fetching for a feed. */
  public static final String FETCH_PAGES = "fetch-pages";

  /** '#' starts a comment only at the start of a field: URLs may carry fragments. */
  private static final Pattern COMMENT = Pattern.compile("(^|\\s)#");
  private static final Pattern SHORT_DURATION = Pattern.compile("([0-9]{1,9})(s|m|h|d)");

  public FeedList {
    feeds = List.copyOf(feeds);
  }

  /** The feeds listed in {@code file}; see the class comment for the format. */
  /**
   * The feeds instance {@code index} of {@code count} polls: each feed goes to exactly one instance,
   * by a stable hash of its URL, so the items of a feed are always decided by the same instance
   * (whose view of what was published is then complete for them, see ADR 6).
   */
  public FeedList shard(int index, int count) {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("feed shard " + index + " of " + count + " does not exist");
    }
    return new FeedList(feeds.stream().filter(f -> shardOf(f, count) == index).toList());
  }

  static int shardOf(Feed feed, int count) {
    byte[] digest = sha256(feed.url().toString());
    int hash = ((digest[0] & 0xff) << 24) | ((digest[1] & 0xff) << 16) | ((digest[2] & 0xff) << 8) | (digest[3] & 0xff);
    return Math.floorMod(hash, count);
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  public static FeedList read(Path file) throws FeedListException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new FeedListException(file + ": not valid UTF-8");
    } catch (IOException e) {
      throw new FeedListException(file + ": cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** The feeds listed in {@code text}; {@code name} is the file name used in error messages. */
  public static FeedList parse(String text, String name) throws FeedListException {
    List<Feed> feeds = new ArrayList<>();
    Map<URI, Integer> lineOfUrl = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String where = name + ":" + (i + 1);
      String line = stripComment(lines[i]).strip();
      if (line.isEmpty()) {
        continue;
      }
      Feed feed = feed(line.split("\\s+"), where);
      Integer earlier = lineOfUrl.putIfAbsent(feed.url(), i + 1);
      if (earlier != null) {
        throw new FeedListException(where + ": " + feed.url() + " is already listed on line " + earlier);
      }
      feeds.add(feed);
    }
    return new FeedList(feeds);
  }

  private static String stripComment(String line) {
    Matcher m = COMMENT.matcher(line);
    return m.find() ? line.substring(0, m.start()) : line;
  }

  private static Feed feed(String[] fields, String where) throws FeedListException {
    if (fields.length < 3) {
      throw new FeedListException(where + ": expected 'url source interval [fetch-pages]', got " + fields.length + " field(s)");
    }
    if (fields.length > 4) {
      throw new FeedListException(where + ": too many fields; expected 'url source interval [fetch-pages]'");
    }
    URI url = url(fields[0], where);
    Duration interval = interval(fields[2], where);
    boolean fetchPages = false;
    if (fields.length == 4) {
      if (!fields[3].equals(FETCH_PAGES)) {
        throw new FeedListException(where + ": unknown option '" + fields[3] + "'; the only option is " + FETCH_PAGES);
      }
      fetchPages = true;
    }
    return new Feed(url, fields[1], interval, fetchPages);
  }

  private static URI url(String text, String where) throws FeedListException {
    URI url;
    try {
      url = new URI(text);
    } catch (URISyntaxException e) {
      throw new FeedListException(where + ": not a URL: " + text);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FeedListException(where + ": only http and https feeds can be polled, not '" + text + "'");
    }
    if (url.getHost() == null) {
      throw new FeedListException(where + ": the URL has no host: " + text);
    }
    return url;
  }

  static Duration interval(String text, String where) throws FeedListException {
    Duration interval;
    Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      interval = switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    } else {
      try {
        interval = Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new FeedListException(where + ": not an interval: '" + text + "'; write e.g. 30s, 5m, 1h or PT5M");
      }
    }
    if (interval.compareTo(MIN_INTERVAL) < 0) {
      throw new FeedListException(where + ": interval " + text + " is shorter than the minimum of 10s");
    }
    return interval;
  }
}
