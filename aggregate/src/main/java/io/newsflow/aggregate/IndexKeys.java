package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.WeightedTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The keys under which articles are indexed and counted, one namespace per kind so they never collide. */
final class IndexKeys {
  /** Entities indexed per article (most salient first): enough to find the story, bounded for state. */
  static final int MAX_ENTITY_KEYS = 8;
  /** Rarest top terms indexed per article. */
  static final int MAX_TERM_KEYS = 6;

  private static final String TERM = "t:";

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

  static String entity(EntityType type, String name) {
    return "e:" + type + ":" + name.toLowerCase(Locale.ROOT);
  }

  static String term(String term) {
    return TERM + term;
  }

  static boolean isTerm(String key) {
    return key.startsWith(TERM);
  }

  /** The term of a key {@link #isTerm} says is one. */
  static String termOf(String key) {
    return key.substring(TERM.length());
  }

  /** Entity keys, most salient first (ties by name), at most {@link #MAX_ENTITY_KEYS}. */
  static List<String> entities(EnrichedArticle a) {
    return a.getEntities().stream()
        .sorted(Comparator.comparingDouble(Entity::getSalience).reversed().thenComparing(Entity::getName))
        .limit(MAX_ENTITY_KEYS)
        .map(e -> entity(e.getType(), e.getName()))
        .toList();
  }

  /** The article's top terms with the highest idf: the rare words a story is told with. */
  static List<String> rareTerms(EnrichedArticle a, TermStatistics stats) {
    // Each term's idf once, not once per comparison of the sort.
    Map<String, Double> idfs = new HashMap<>();
    a.getTopTerms().forEach(t -> idfs.computeIfAbsent(t.getTerm(), stats::termIdf));
    return a.getTopTerms().stream()
        .map(WeightedTerm::getTerm)
        .sorted(Comparator.comparingDouble((String t) -> -idfs.get(t)).thenComparing(t -> t))
        .limit(MAX_TERM_KEYS)
        .map(IndexKeys::term)
        .toList();
  }

  /** Every key the article contributes to the document frequencies: all its top terms and entities. */
  static List<String> statistics(EnrichedArticle a) {
    List<String> keys = new ArrayList<>();
    a.getTopTerms().forEach(t -> keys.add(term(t.getTerm())));
    a.getEntities().forEach(e -> keys.add(entity(e.getType(), e.getName())));
    return keys.stream().distinct().toList();
  }
}
