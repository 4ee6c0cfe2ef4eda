package io.newsflow.ingest;

import io.newsflow.schemas.avro.PublishedRevision;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What ingest has published, per article: content hash and revision, rebuilt at start from the
 * ingest-state topic. Decisions are staged until the transaction that carries them commits, so an
 * aborted transaction leaves no trace here either.
 *
 * <p>Memory: about 150 bytes per article on a 64-bit JVM with compressed pointers (the 34-character
 * id string about 80, the map node 32, the value 32, the table slot), so 1 million articles take
 * about 150 MB of heap and 10 million about 1.5 GB. The hash is kept as two longs, not as its
 * 32-character text, to halve the value's size.
 */
public final class PublishedRevisions {
  private record Known(long hashHigh, long hashLow, int revision) {
    static Known of(String contentHash, int revision) {
      // A malformed hash (not ours) matches nothing, so the article is republished: safe, not silent.
      if (contentHash.length() != 32 || !contentHash.chars().allMatch(HexFormat::isHexDigit)) {
        return new Known(0, 0, revision);
      }
      return new Known(HexFormat.fromHexDigitsToLong(contentHash, 0, 16),
          HexFormat.fromHexDigitsToLong(contentHash, 16, 32), revision);
    }

    boolean sameContent(Known other) {
      return hashHigh == other.hashHigh && hashLow == other.hashLow;
    }
  }

  private final Map<String, Known> committed = new HashMap<>();
  private final Map<String, Known> staged = new HashMap<>();

  /** Takes a record of the ingest-state topic into account; a later record for the same id wins. */
  public void remember(PublishedRevision revision) {
    committed.put(revision.getArticleId(), Known.of(revision.getContentHash(), revision.getRevision()));
  }

  /** A tombstone on the ingest-state topic: the article is forgotten and would start again at revision 1. */
  public void forget(String articleId) {
    committed.remove(articleId);
  }

  /**
   * Empty when {@code articleId} was last published with this very content; otherwise the revision
   * to publish it as (1 when new, one more than the last when changed), staged until {@link #commit()}.
   */
  public OptionalInt stage(String articleId, String contentHash) {
    Known last = staged.containsKey(articleId) ? staged.get(articleId) : committed.get(articleId);
    Known now = Known.of(contentHash, last == null ? 1 : last.revision() + 1);
    if (last != null && last.sameContent(now)) {
      return OptionalInt.empty();
    }
    staged.put(articleId, now);
    return OptionalInt.of(now.revision());
  }

  /** The staged decisions were written: they become what is known. */
  public void commit() {
    committed.putAll(staged);
    staged.clear();
  }

  /** The staged decisions were not written: forget them, so the articles are tried again next time. */
  public void abort() {
    staged.clear();
  }

  /** Articles known as published (staged ones not counted). */
  public int size() {
    return committed.size();
  }
}
