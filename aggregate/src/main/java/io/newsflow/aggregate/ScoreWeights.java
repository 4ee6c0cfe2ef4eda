package io.newsflow.aggregate;

import java.util.List;

/**
 * Weights of the signals a candidate story is scored with: the score is the sum of weight times signal,
 * and penalties (time gap, conflicts, story size) enter as negative signals, so every weight that helps is
 * positive. {@code newsflow fit} fits them by logistic regression on labelled data (ADR 27).
 *
 * @param terms         tf-idf cosine of the article's top terms against the story centroid
 * @param entities      share of the article's entity mass (salience times idf) the story already names
 * @param title         share of the article's headline words found in the story's recent headlines
 * @param gap           penalty per 30 days between the article and the story's latest article (capped at 30 days)
 * @param entityConflict penalty: salience of the article's main person when it is another than the story's ({@link EntityConflict})
 * @param yearConflict  penalty when article and story name years and share none ({@link YearConflict})
 * @param persons       as {@code entities}, for the article's persons only
 * @param places        as {@code entities}, for the article's places only
 * @param organizations as {@code entities}, for the article's organisations only
 * @param rareEntities  shared entities that few articles so far have named ({@link StoryScorer#RARE_ENTITY_ARTICLES}), up to 3, over 3
 * @param storySize     penalty {@code ln(1 + articles) / ln(50)}: a big story has to be matched more clearly, so stories do not chain
 * @param details       cosine of the article's detail terms (capitalised and numeric words: who, where, when) against the story's (ADR 28)
 */
public record ScoreWeights(double terms, double entities, double title, double gap, double entityConflict,
                           double yearConflict, double persons, double places, double organizations,
                           double rareEntities, double storySize, double details) {

  /** Position of each signal in {@link #toArray()} and in a signal vector. */
  static final int TERMS = 0;
  static final int ENTITIES = 1;
  static final int TITLE = 2;
  static final int GAP = 3;
  static final int ENTITY_CONFLICT = 4;
  static final int YEAR_CONFLICT = 5;
  static final int PERSONS = 6;
  static final int PLACES = 7;
  static final int ORGANIZATIONS = 8;
  static final int RARE_ENTITIES = 9;
  static final int STORY_SIZE = 10;
  static final int DETAILS = 11;

  /** The {@code aggregate.weight.*} setting of each weight, in the order of {@link #toArray()}. */
  public static final List<String> SETTINGS = List.of("aggregate.weight.terms", "aggregate.weight.entities",
      "aggregate.weight.title", "aggregate.weight.gap", "aggregate.weight.entity-conflict",
      "aggregate.weight.year-conflict", "aggregate.weight.persons", "aggregate.weight.places",
      "aggregate.weight.organizations", "aggregate.weight.rare-entities", "aggregate.weight.story-size",
      "aggregate.weight.details");

  public double[] toArray() {
    return new double[] {terms, entities, title, gap, entityConflict, yearConflict, persons, places, organizations,
        rareEntities, storySize, details};
  }

  public static ScoreWeights of(double[] w) {
    if (w.length != SETTINGS.size()) {
      throw new IllegalArgumentException("expected " + SETTINGS.size() + " weights, got " + w.length);
    }
    return new ScoreWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11]);
  }
}
