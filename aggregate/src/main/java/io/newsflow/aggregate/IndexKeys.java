package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The keys under which an article is indexed, one namespace per kind so they never collide. */
final class IndexKeys {
  /** Entities below this salience are too incidental to propose a story. */
  static final double MIN_SALIENCE = 0.3;
  static final int MAX_ENTITY_KEYS = 5;

  private IndexKeys() {}

  static String contentHash(EnrichedArticle a) {
    return "h:" + a.getFingerprints().getContentHash();
  }

  static List<String> bands(EnrichedArticle a) {
    List<String> keys = new ArrayList<>();
    for (String band : a.getFingerprints().getLshBands()) {
      keys.add("b:" + band);
    }
    return keys;
  }

  static List<String> entities(EnrichedArticle a) {
    List<String> keys = new ArrayList<>();
    for (Entity e : a.getEntities()) {
      if (e.getSalience() >= MIN_SALIENCE && keys.size() < MAX_ENTITY_KEYS) {
        keys.add("e:" + e.getType() + ":" + e.getName().toLowerCase(Locale.ROOT));
      }
    }
    return keys;
  }
}
