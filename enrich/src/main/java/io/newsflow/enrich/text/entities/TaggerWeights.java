package io.newsflow.enrich.text.entities;

/**
 * The entity tagger's weights: per hashed feature bucket, one weight for each of the
 * {@link EntityTagger#LABELS} labels. Scoring a token reads about thirty buckets at random from a table
 * of a million, so the cost is cache misses: the shipped model keeps only the buckets that have
 * weights, each in one 16-byte row of 16-bit weights.
 */
sealed interface TaggerWeights permits TaggerWeights.Live, TaggerWeights.Quantised {

  /** Adds the weights of every bucket in {@code buckets}, in that order, to {@code scores[at + label]}. */
  void addRows(int[] buckets, float[] scores, int at);

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
    public void addRows(int[] buckets, float[] scores, int at) {
      for (int bucket : buckets) {
        int base = bucket * EntityTagger.LABELS;
        for (int label = 0; label < EntityTagger.LABELS; label++) {
          scores[at + label] += weights[base + label];
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
   *
   * <p>Six buckets in seven have no weight at all (no training feature hashed there), so only the
   * others keep a row, padded from 7 to 8 weights (16 bytes, never split across cache lines): 2.4 MB
   * instead of 28 MB of floats. A bitmap with a running count per 64 buckets finds a bucket's row;
   * every empty bucket shares row 0, all zeros, which is added like any other row.
   */
  final class Quantised implements TaggerWeights {

    static final int ROW = 8;

    /** At {@code 2 * k} which of buckets {@code 64k .. 64k + 63} have a row, at {@code 2 * k + 1} how many before them. */
    private final long[] directory;
    private final short[] rows;
    private final float scale;

    /** From the file's layout: {@code weights[bucket * LABELS + label]}. */
    Quantised(short[] weights, float scale) {
      if (EntityTagger.LABELS != 7) {
        throw new IllegalStateException("addRows sums 7 labels, the tagger has " + EntityTagger.LABELS);
      }
      int labels = EntityTagger.LABELS;
      if (weights.length % (64 * labels) != 0) {
        throw new IllegalArgumentException("rows of " + labels + " for a multiple of 64 buckets expected, got "
            + weights.length + " weights");
      }
      int buckets = weights.length / labels;
      directory = new long[2 * (buckets / 64)];
      int kept = 0;
      for (int bucket = 0; bucket < buckets; bucket++) {
        if (bucket % 64 == 0) {
          directory[2 * (bucket / 64) + 1] = kept;
        }
        if (!empty(weights, bucket)) {
          directory[2 * (bucket / 64)] |= 1L << bucket;
          kept++;
        }
      }
      rows = new short[(kept + 1) * ROW];
      int row = 1;
      for (int bucket = 0; bucket < buckets; bucket++) {
        if (!empty(weights, bucket)) {
          System.arraycopy(weights, bucket * labels, rows, row * ROW, labels);
          row++;
        }
      }
      this.scale = scale;
    }

    private static boolean empty(short[] weights, int bucket) {
      for (int label = 0; label < EntityTagger.LABELS; label++) {
        if (weights[bucket * EntityTagger.LABELS + label] != 0) {
          return false;
        }
      }
      return true;
    }

    /** Where the bucket's weights start in {@link #rows}: row 0 (zeros) for an empty bucket. */
    private int rowStart(int bucket) {
      int word = 2 * (bucket >>> 6);
      long present = directory[word];
      int rank = (int) directory[word + 1] + Long.bitCount(present & ((1L << bucket) - 1)) + 1;
      return (rank & -(int) ((present >>> bucket) & 1)) * ROW;
    }

    @Override
    public void addRows(int[] buckets, float[] scores, int at) {
      // seven sums in registers; each still adds its weights in bucket order, as the float table did
      float s0 = scores[at];
      float s1 = scores[at + 1];
      float s2 = scores[at + 2];
      float s3 = scores[at + 3];
      float s4 = scores[at + 4];
      float s5 = scores[at + 5];
      float s6 = scores[at + 6];
      short[] r = rows;
      float k = scale;
      for (int bucket : buckets) {
        int base = rowStart(bucket);
        s0 += r[base] * k;
        s1 += r[base + 1] * k;
        s2 += r[base + 2] * k;
        s3 += r[base + 3] * k;
        s4 += r[base + 4] * k;
        s5 += r[base + 5] * k;
        s6 += r[base + 6] * k;
      }
      scores[at] = s0;
      scores[at + 1] = s1;
      scores[at + 2] = s2;
      scores[at + 3] = s3;
      scores[at + 4] = s4;
      scores[at + 5] = s5;
      scores[at + 6] = s6;
    }

    @Override
    public int buckets() {
      return directory.length / 2 * 64;
    }

    /** Buckets with a row of their own. */
    int rowsKept() {
      return rows.length / ROW - 1;
    }
  }
}
