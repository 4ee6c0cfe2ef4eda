package io.newsflow.enrich.text.entities.training;

import io.newsflow.enrich.text.entities.EntityFeatures;
import io.newsflow.enrich.text.entities.EntityTagger;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the {@link EntityTagger} on the GMB corpus: an averaged perceptron (Collins 2002) with
 * greedy decoding during training, so the tagger learns from the same previous-tag features it will
 * see. Deterministic for a given corpus, seed and settings: examples are shuffled by a seeded random
 * each epoch, and averaging makes the result insensitive to the last few updates.
 */
public final class EntityTaggerTrainer {

  /** Settings of one training run. */
  public record Settings(int epochs, long seed, int bucketBits, double capitalsShare, double unseenNameShare) {

    public static Settings defaults() {
      return new Settings(6, 20261122L, 20, 0.05, 0.3);
    }
  }

  private final Settings settings;

  public EntityTaggerTrainer(Settings settings) {
    this.settings = settings;
  }

  /** Trains on the GMB extract in CoNLL form and writes the model to {@code modelOut}; returns a summary. */
  public String trainAndWrite(Path gmbConll, Path modelOut, PrintStream progress) throws IOException {
    List<GmbTrainingSet.Example> examples =
        new GmbTrainingSet().read(gmbConll, settings.seed(), settings.capitalsShare());
    long tokens = examples.stream().mapToLong(e -> e.tokens().size()).sum();
    progress.printf(Locale.ROOT, "training on %d sentences, %d tokens%n", examples.size(), tokens);
    float[] weights = train(examples, progress);
    Path parent = modelOut.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(modelOut)) {
      write(settings.bucketBits(), weights, out);
    }
    return String.format(Locale.ROOT, "%d sentences, %d tokens, %d epochs, seed %d, 2^%d buckets: %s (%d bytes)",
        examples.size(), tokens, settings.epochs(), settings.seed(), settings.bucketBits(), modelOut,
        Files.size(modelOut));
  }

  /** Averaged weights after training. */
  float[] train(List<GmbTrainingSet.Example> examples, PrintStream progress) {
    int size = (1 << settings.bucketBits()) * EntityTagger.LABELS;
    float[] weights = new float[size];
    double[] totals = new double[size];
    int[] stamps = new int[size];
    EntityTagger tagger = new EntityTagger(settings.bucketBits(), weights);
    EntityFeatures features = tagger.features();
    List<EntityFeatures.Observations> observed = new ArrayList<>(examples.size());
    Random unseenWords = new Random(settings.seed() + 1);
    for (GmbTrainingSet.Example e : examples) {
      // hide some capitalised words' identity, as if they were names the corpus never had
      boolean[] unseen = new boolean[e.tokens().size()];
      for (int i = 0; i < unseen.length; i++) {
        unseen[i] = e.tokens().get(i).capitalised() && unseenWords.nextDouble() < settings.unseenNameShare();
      }
      observed.add(features.extract(e.tokens(), e.ruleHints(), unseen));
    }
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < examples.size(); k++) {
      order.add(k);
    }
    Random random = new Random(settings.seed());
    int step = 0;
    int[] dynamic = new int[4];
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      Collections.shuffle(order, random);
      long errors = 0;
      long seen = 0;
      for (int k : order) {
        EntityFeatures.Observations o = observed.get(k);
        int[] gold = examples.get(k).labels();
        int[] predicted = tagger.decode(o);
        int p1 = EntityTagger.LABELS;
        int p2 = EntityTagger.LABELS;
        for (int i = 0; i < gold.length; i++) {
          step++;
          seen++;
          if (predicted[i] != gold[i]) {
            errors++;
            tagger.tagFeatures(o, i, p1, p2, dynamic);
            for (int f : o.features()[i]) {
              update(weights, totals, stamps, step, f, gold[i], predicted[i]);
            }
            for (int f : dynamic) {
              update(weights, totals, stamps, step, f, gold[i], predicted[i]);
            }
          }
          p2 = p1;
          p1 = predicted[i];
        }
      }
      progress.printf(Locale.ROOT, "epoch %d: token error rate %.4f%n", epoch, (double) errors / seen);
    }
    float[] averaged = new float[size];
    for (int i = 0; i < size; i++) {
      double total = totals[i] + (double) (step - stamps[i]) * weights[i];
      averaged[i] = (float) (total / step);
    }
    return averaged;
  }

  private static void update(float[] weights, double[] totals, int[] stamps, int step, int bucket, int gold,
      int predicted) {
    bump(weights, totals, stamps, step, bucket * EntityTagger.LABELS + gold, 1f);
    bump(weights, totals, stamps, step, bucket * EntityTagger.LABELS + predicted, -1f);
  }

  /** Lazy averaging: the running total catches up with the steps the weight went unchanged. */
  private static void bump(float[] weights, double[] totals, int[] stamps, int step, int index, float delta) {
    totals[index] += (double) (step - stamps[index]) * weights[index];
    stamps[index] = step;
    weights[index] += delta;
  }

  /** The model file: header, then every weight as a 16-bit fraction of the largest; gzipped (zeros dominate). */
  static void write(int bucketBits, float[] weights, OutputStream raw) throws IOException {
    float max = 0f;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max == 0f ? 1f : max / Short.MAX_VALUE;
    GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16);
    DataOutputStream out = new DataOutputStream(gzip);
    out.writeInt(EntityTagger.MAGIC);
    out.writeInt(EntityTagger.VERSION);
    out.writeInt(bucketBits);
    out.writeInt(EntityTagger.LABELS);
    out.writeFloat(scale);
    for (float w : weights) {
      out.writeShort(Math.round(w / scale));
    }
    out.flush();
    gzip.finish();
  }
}
