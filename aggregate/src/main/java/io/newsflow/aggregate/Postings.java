package io.newsflow.aggregate;

import io.newsflow.schemas.avro.internal.Posting;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the store-backed and in-memory indexes. */
final class Postings {
  private Postings() {}

  /** {@code current} with {@code posting} first, without older postings of the same article, capped. */
  static List<Posting> prepend(List<Posting> current, Posting posting, int cap) {
    List<Posting> updated = new ArrayList<>(Math.min(current.size() + 1, cap));
    updated.add(posting);
    for (Posting p : current) {
      if (updated.size() >= cap) {
        break;
      }
      if (!p.getArticleId().equals(posting.getArticleId())) {
        updated.add(p);
      }
    }
    return updated;
  }

  static byte[] signatureBytes(List<Integer> minHash) {
    ByteBuffer bytes = ByteBuffer.allocate(minHash.size() * 4);
    minHash.forEach(bytes::putInt);
    return bytes.array();
  }

  static int[] signature(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    int[] sig = new int[bytes.length / 4];
    ByteBuffer.wrap(bytes).asIntBuffer().get(sig);
    return sig;
  }
}
