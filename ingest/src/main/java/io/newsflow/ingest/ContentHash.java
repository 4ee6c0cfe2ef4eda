package io.newsflow.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What decides whether an article changed: 32 hex digits, the first 16 bytes of SHA-256 over the
 * title, a newline and the body, exactly as published. Only what a reader sees counts: ingest
 * time, origin or a re-canonicalised URL do not make a new revision.
 */
final class ContentHash {
  private ContentHash() {}

  static String of(String title, String body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(title.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      byte[] digest = sha.digest(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
