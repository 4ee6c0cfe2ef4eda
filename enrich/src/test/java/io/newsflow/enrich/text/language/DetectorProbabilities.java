package io.newsflow.enrich.text.language;

/**
 * The detector model's raw per-language probabilities, which the analysis digests pin; the model
 * itself stays package-private.
 */
public final class DetectorProbabilities {

  private final CharNgramLanguageModel model = LanguageDetector.model();

  public double[] of(CharSequence text) {
    return model.probabilities(text);
  }
}
