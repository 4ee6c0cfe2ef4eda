package io.newsflow.enrich.text.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TaggerWeightsTest {

  @Test
  void quantisedRowsScoreBitForBitAsTheFloatsTheyStandForAndOnlyBucketsWithWeightsKeepARow() {
    Random random = new Random(11);
    int buckets = 4096;
    float scale = 0.0123457f;
    short[] file = new short[buckets * EntityTagger.LABELS];
    float[] floats = new float[buckets * EntityTagger.LABELS];
    int withWeights = 0;
    for (int b = 0; b < buckets; b++) {
      if (random.nextInt(7) > 0 && b != buckets - 1) {
        continue; // most buckets of the shipped model are empty; the last one here is not
      }
      withWeights++;
      for (int label = 0; label < EntityTagger.LABELS; label++) {
        short q = (short) random.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1);
        file[b * EntityTagger.LABELS + label] = q;
        floats[b * EntityTagger.LABELS + label] = q * scale; // as the model reader stored them before
      }
    }
    TaggerWeights.Quantised quantised = new TaggerWeights.Quantised(file, scale);
    TaggerWeights live = new TaggerWeights.Live(floats);

    for (int token = 0; token < 2000; token++) {
      int[] observed = random.ints(1 + random.nextInt(60), 0, buckets).toArray();
      float[] expected = new float[EntityTagger.LABELS];
      float[] actual = new float[EntityTagger.LABELS];
      live.addRows(observed, expected, 0);
      quantised.addRows(observed, actual, 0);
      assertThat(actual).as("token %d", token).isEqualTo(expected);
      float[] atOffset = new float[3 * EntityTagger.LABELS];
      quantised.addRows(observed, atOffset, EntityTagger.LABELS);
      assertThat(java.util.Arrays.copyOfRange(atOffset, EntityTagger.LABELS, 2 * EntityTagger.LABELS)).isEqualTo(expected);
      assertThat(atOffset[0]).isZero();
      assertThat(atOffset[2 * EntityTagger.LABELS]).isZero();
    }
    assertThat(quantised.buckets()).isEqualTo(buckets);
    assertThat(quantised.rowsKept()).isEqualTo(withWeights).isLessThan(buckets / 4);
  }

  @Test
  void aTableOfBrokenRowsIsRejected() {
    assertThatThrownBy(() -> new TaggerWeights.Quantised(new short[12], 1f))
        .hasMessage("rows of 7 for a multiple of 64 buckets expected, got 12 weights");
    assertThatThrownBy(() -> new TaggerWeights.Live(new float[12]))
        .hasMessage("rows of 7 expected, got 12 weights");
  }
}
