package io.newsflow.aggregate;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Fingerprints;
import io.newsflow.schemas.avro.WeightedTerm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Enriched articles with controlled fingerprints, as the enrich stage would publish them. */
final class Articles {
  static final int SIGNATURE = 128;
  static final int ROWS = 4;

  private Articles() {}

  /** A MinHash signature drawn from {@code seed}; {@link #edit} derives near copies of it. */
  static List<Integer> signature(long seed) {
    Random r = new Random(seed);
    List<Integer> sig = new ArrayList<>();
    for (int i = 0; i < SIGNATURE; i++) {
      sig.add(r.nextInt());
    }
    return sig;
  }

  /** A copy of {@code sig} with {@code changed} positions (spread evenly) replaced. */
  static List<Integer> edit(List<Integer> sig, int changed, long seed) {
    Random r = new Random(seed);
    List<Integer> copy = new ArrayList<>(sig);
    for (int i = 0; i < changed; i++) {
      copy.set((i * SIGNATURE / changed + 1) % SIGNATURE, r.nextInt());
    }
    return copy;
  }

  static List<String> bands(List<Integer> sig) {
    List<String> bands = new ArrayList<>();
    for (int b = 0; b < SIGNATURE / ROWS; b++) {
      bands.add("b" + b + ":" + sig.subList(b * ROWS, b * ROWS + ROWS).hashCode());
    }
    return bands;
  }

  static EnrichedArticle article(String id, String source, String title, Instant time, String contentHash,
                                 List<Integer> sig, List<WeightedTerm> terms, List<Entity> entities) {
    return EnrichedArticle.newBuilder()
        .setArticleId(id).setSource(source).setUrl("https://" + source + "/" + id).setTitle(title)
        .setCleanText(title + " body").setLanguage("en").setEventTime(time).setWordCount(100)
        .setEntities(entities)
        .setFingerprints(new Fingerprints(contentHash, "0000000000000000", sig, bands(sig)))
        .setTopTerms(terms)
        .build();
  }

  static List<WeightedTerm> terms(String... termsAndWeights) {
    List<WeightedTerm> terms = new ArrayList<>();
    for (int i = 0; i < termsAndWeights.length; i += 2) {
      terms.add(new WeightedTerm(termsAndWeights[i], Double.parseDouble(termsAndWeights[i + 1])));
    }
    return terms;
  }

  static Entity entity(String name, EntityType type, double salience) {
    return new Entity(name, type, List.of(name), 3, salience);
  }
}
