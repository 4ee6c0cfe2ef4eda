package io.newsflow.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Article ids: the Kafka key of every article topic, so they must never change for the same input
 * (replays and re-ingestion rely on it).
 *
 * <p>Form: {@code "a-"} followed by 32 lower-case hex digits, the first 16 bytes (128 bits) of the
 * SHA-256 of a UTF-8 string, e.g. {@code a-3f0c6d1e9a7b44c2b5e8d0f1a2c3b4d5}. The string is the
 * {@link CanonicalUrl canonical URL} when the article has one, otherwise {@code source + "\n" + guid}
 * (a newline cannot occur in a canonical URL, so the two kinds never collide). 128 bits keep the
 * chance of any collision negligible even over billions of articles, and the key stays short.
 */
public final class ArticleIds {
  private static final String PREFIX = "a-";
  private static final int HASH_BYTES = 16;

  private ArticleIds() {}

  /** Id of the article at {@code url}: every variant of the same URL gets the same id. */
  public static String forUrl(String url) {
    return hash(CanonicalUrl.of(url));
  }

  /** Id of an article without a URL, from the source's own id for it. */
  public static String forGuid(String source, String guid) {
    return hash(source + "\n" + guid);
  }

  /** The URL-based id when the article has a URL, else the source-and-guid one. */
  public static String of(IncomingArticle article) {
    if (article.url() != null && !article.url().isBlank()) {
      return forUrl(article.url());
    }
    if (article.guid() == null) {
      throw new IllegalArgumentException("article from " + article.origin() + " has neither URL nor guid");
    }
    return forGuid(article.source(), article.guid());
  }

  private static String hash(String identity) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return PREFIX + HexFormat.of().formatHex(digest, 0, HASH_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
