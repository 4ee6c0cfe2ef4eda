package io.newsflow.enrich.text.entities;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A trained sequence tagger that finds PERSON, ORGANIZATION and LOCATION spans in a paragraph: an
 * averaged perceptron over hashed {@link EntityFeatures}, decoding left to right (greedy) with the
 * two previous tags as features and BIO constraints (an I- tag only continues its own type). Trained
 * by {@code training.EntityTaggerTrainer} on the public-domain GMB corpus; immutable and thread-safe.
 */
public final class EntityTagger {

  /** The shipped model, next to this class. */
  static final String RESOURCE = "entity-tagger.bin.gz";
  public static final int MAGIC = 0x4E464E45; // "NFNE"
  public static final int VERSION = 1;
  /** O, then B- and I- of each kind in {@link EntityKind} order. */
  public static final int LABELS = 1 + 2 * EntityKind.values().length;
  private static final int START = LABELS; // the "previous tag" before the first token

  private final int bucketBits;
  private final TaggerWeights weights;
  private final EntityFeatures features;
  /** The tag features that read no word, by previous tag(s): hashed once, not per token. */
  private final int[] previousTag;
  private final int[] previousTwoTags;

  /** A tagger over {@code weights} (bucket * LABELS + label); the trainer passes the array it updates. */
  public EntityTagger(int bucketBits, float[] weights) {
    this(bucketBits, new TaggerWeights.Live(weights));
  }

  private EntityTagger(int bucketBits, TaggerWeights weights) {
    if (weights.buckets() != 1 << bucketBits) {
      throw new IllegalArgumentException("expected " + (1 << bucketBits) + " buckets of weights, got " + weights.buckets());
    }
    this.bucketBits = bucketBits;
    this.weights = weights;
    this.features = new EntityFeatures(bucketBits);
    this.previousTag = new int[LABELS + 1];
    this.previousTwoTags = new int[(LABELS + 1) * (LABELS + 1)];
    for (int p1 = 0; p1 <= LABELS; p1++) {
      previousTag[p1] = features.h(100, p1, "");
      for (int p2 = 0; p2 <= LABELS; p2++) {
        previousTwoTags[p1 * (LABELS + 1) + p2] = features.h(101, p1 * (LABELS + 1) + p2, "");
      }
    }
  }

  /** The model shipped with enrich, loaded once. */
  static EntityTagger shipped() {
    return Shipped.INSTANCE;
  }

  private static final class Shipped {
    static final EntityTagger INSTANCE = load();

    private static EntityTagger load() {
      try (InputStream in = EntityTagger.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource io/newsflow/enrich/text/entities/" + RESOURCE);
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }

  /** Reads a model written by {@code training.EntityTaggerTrainer.write}. */
  public static EntityTagger read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new IOException("not an entity tagger model of version " + VERSION);
    }
    int bits = in.readInt();
    int labels = in.readInt();
    if (labels != LABELS || bits < 10 || bits > 24) {
      throw new IOException("unexpected model shape: " + bits + " bucket bits, " + labels + " labels");
    }
    float scale = in.readFloat();
    short[] weights = new short[(1 << bits) * LABELS];
    byte[] buffer = new byte[2 * LABELS * 1024];
    for (int i = 0; i < weights.length; i += LABELS * 1024) {
      in.readFully(buffer);
      for (int k = 0; k < LABELS * 1024; k++) {
        weights[i + k] = (short) ((buffer[2 * k] << 8) | (buffer[2 * k + 1] & 0xFF));
      }
    }
    return new EntityTagger(bits, new TaggerWeights.Quantised(weights, scale));
  }

  int bucketBits() {
    return bucketBits;
  }

  public EntityFeatures features() {
    return features;
  }

  /** The entity spans of a paragraph, in token offsets, given the rules' reading of each token. */
  public List<EntitySpan> tag(List<CasedToken> tokens, String[] ruleHints) {
    return tag(tokens, ruleHints, tokens.size());
  }

  /**
   * The spans among the first {@code limit} tokens, as {@link #tag(List, String[])} labels them:
   * decoding runs left to right, so the labels before {@code limit} do not depend on the rest. A span
   * reaching {@code limit} may go on beyond it.
   */
  List<EntitySpan> tag(List<CasedToken> tokens, String[] ruleHints, int limit) {
    return spans(decode(features.extract(tokens, ruleHints, null, limit)));
  }

  /**
   * Best label per token, left to right. The observations' part of every token's scores is summed
   * first, for all tokens: those look-ups wait on no decision, so their cache misses overlap; each
   * token then adds its tag features to its own partial sums, in the same order as one pass would.
   */
  public int[] decode(EntityFeatures.Observations observed) {
    int n = observed.features().length;
    float[] observedScores = new float[n * LABELS];
    for (int i = 0; i < n; i++) {
      weights.addRows(observed.features()[i], observedScores, i * LABELS);
    }
    int[] labels = new int[n];
    float[] scores = new float[LABELS];
    int[] dynamic = new int[4];
    int p1 = START;
    int p2 = START;
    for (int i = 0; i < n; i++) {
      tagFeatures(observed, i, p1, p2, dynamic);
      System.arraycopy(observedScores, i * LABELS, scores, 0, LABELS);
      weights.addRows(dynamic, scores, 0);
      int best = 0;
      for (int label = 1; label < LABELS; label++) {
        if (allowed(p1, label) && scores[label] > scores[best]) {
          best = label;
        }
      }
      labels[i] = best;
      p2 = p1;
      p1 = best;
    }
    return labels;
  }

  /** Features that pair the previous decisions with this token: filled into {@code out}. */
  public void tagFeatures(EntityFeatures.Observations observed, int i, int p1, int p2, int[] out) {
    out[0] = previousTag[p1];
    out[1] = previousTwoTags[p1 * (LABELS + 1) + p2];
    out[2] = features.h(102, p1, observed.lower()[i]);
    out[3] = features.h(103, p1, observed.shape()[i]);
  }


  /** BIO: an I- label only after the B- or I- of the same kind. */
  static boolean allowed(int previous, int label) {
    if (label == 0 || label % 2 == 1) {
      return true;
    }
    return previous == label || previous == label - 1;
  }

  public static int begin(EntityKind kind) {
    return 1 + 2 * kind.ordinal();
  }

  /** Spans of a BIO label sequence. */
  public static List<EntitySpan> spans(int[] labels) {
    List<EntitySpan> spans = new ArrayList<>();
    int i = 0;
    while (i < labels.length) {
      if (labels[i] == 0 || labels[i] % 2 == 0) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < labels.length && labels[j] == labels[i] + 1) {
        j++;
      }
      spans.add(new EntitySpan(i, j, EntityKind.values()[(labels[i] - 1) / 2]));
      i = j;
    }
    return spans;
  }
}
