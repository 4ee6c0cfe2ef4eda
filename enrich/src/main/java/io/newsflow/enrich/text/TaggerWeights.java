package io.newsflow.enrich.text;

/**
 * The entity tagger's weights: per hashed feature bucket, one weight for each of the
 * {@link EntityTagger#LABELS} labels. Scoring a token reads about fifty buckets at random from a table
 * of a million, so the cost is cache misses: the shipped model keeps each bucket's labels in one
 * 16-byte row of 16-bit weights, never split across two cache lines.
 */
sealed interface TaggerWeights permits TaggerWeights.Live, TaggerWeights.Quantised {

  /** Adds the weights of every bucket in {@code buckets}, in that order, to {@code scores[label]}. */
  void addRows(int[] buckets, float[] scores);

  /** How many buckets the table has. */
  int buckets();

  /** Float weights at {@code bucket * EntityTagger.LABELS + label}: the array the trainer updates as it goes. */
  record Live(float[] weights) implements TaggerWeights {

    public Live {
      if (weights.length % EntityTagger.LABELS != 0) {
        throw new IllegalArgumentException("rows of " + EntityTagger.LABELS + " expected, got " + weights.length + " weights");
      }
    }

    @Override
    public void addRows(int[] buckets, float[] scores) {
      for (int bucket : buckets) {
        int base = bucket * EntityTagger.LABELS;
        for (int label = 0; label < EntityTagger.LABELS; label++) {
          scores[label] += weights[base + label];
        }
      }
    }

    @Override
    public int buckets() {
      return weights.length / EntityTagger.LABELS;
    }
  }

  /**
   * The model file's 16-bit weights times {@code scale}, as read: each product is the float the file's
   * reader used to store, added in the same order, so scores and labels are bit for bit the same.
   * Rows are padded from 7 to 8 weights (16 bytes) so that one row is one cache line, not two.
   */
  final class Quantised implements TaggerWeights {

    static final int ROW = 8;

    private final short[] rows;
    private final float scale;

    Quantised(short[] rows, float scale) {
      if (rows.length % ROW != 0) {
        throw new IllegalArgumentException("rows of " + ROW + " expected, got " + rows.length + " weights");
      }
      if (EntityTagger.LABELS != 7) {
        throw new IllegalStateException("addRows sums 7 labels, the tagger has " + EntityTagger.LABELS);
      }
      this.rows = rows;
      this.scale = scale;
    }

    @Override
    public void addRows(int[] buckets, float[] scores) {
      // seven sums in registers; each still adds its weights in bucket order, as the float table did
      float s0 = scores[0];
      float s1 = scores[1];
      float s2 = scores[2];
      float s3 = scores[3];
      float s4 = scores[4];
      float s5 = scores[5];
      float s6 = scores[6];
      short[] r = rows;
      float k = scale;
      for (int bucket : buckets) {
        int base = bucket * ROW;
        s0 += r[base] * k;
        s1 += r[base + 1] * k;
        s2 += r[base + 2] * k;
        s3 += r[base + 3] * k;
        s4 += r[base + 4] * k;
        s5 += r[base + 5] * k;
        s6 += r[base + 6] * k;
      }
      scores[0] = s0;
      scores[1] = s1;
      scores[2] = s2;
      scores[3] = s3;
      scores[4] = s4;
      scores[5] = s5;
      scores[6] = s6;
    }

    @Override
    public int buckets() {
      return rows.length / ROW;
    }
  }
}
