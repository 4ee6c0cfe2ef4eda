package io.newsflow.aggregate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Story ids derive from the founding article, so replaying the same input gives the same ids. */
public final class StoryIds {
  private StoryIds() {}

  public static String forFoundingArticle(String articleId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("story\n" + articleId).getBytes(StandardCharsets.UTF_8));
      return "s-" + HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
