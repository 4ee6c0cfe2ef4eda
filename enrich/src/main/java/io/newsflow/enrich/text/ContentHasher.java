package io.newsflow.enrich.text;

import io.newsflow.enrich.text.words.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Exact-duplicate key: hex SHA-256 of the text reduced to its lower-cased word tokens joined by
 * single spaces. Re-spacing, re-wrapping, case and punctuation changes do not change the hash;
 * any change to a word does.
 */
public final class ContentHasher {

  private final Tokenizer tokenizer;

  public ContentHasher() {
    this(new Tokenizer());
  }

  public ContentHasher(Tokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  /** Hash of a clean text. */
  public String hash(String cleanText) {
    return hashTokens(tokenizer.tokenize(cleanText));
  }

  /** Hash of already tokenized text (tokens as produced by {@link Tokenizer}). */
  public String hashTokens(List<String> tokens) {
    MessageDigest sha256 = newSha256();
    byte[] space = {' '};
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        sha256.update(space);
      }
      sha256.update(tokens.get(i).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
