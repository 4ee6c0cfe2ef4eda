package io.newsflow.aggregate.evaluation;

import java.util.List;

/**
 * Logistic regression by Newton's method with a small ridge penalty: the probability that a candidate is
 * the article's story from its signals. Deterministic: the same examples in the same order give the same weights.
 *
 * @param intercept the log-odds of a candidate with every signal 0
 * @param weights   one per signal
 */
public record LogisticFit(double intercept, double[] weights) {
  private static final int MAX_STEPS = 100;
  private static final double CONVERGED = 1e-9;

  /**
   * Fits the signals marked in {@code fitted} (the others keep weight 0); {@code ridge} penalises the squared
   * weights, not the intercept, so signals that separate the examples perfectly still get finite weights.
   */
  public static LogisticFit of(List<FittingExamples.Example> examples, boolean[] fitted, double ridge) {
    double[] ones = new double[examples.size()];
    java.util.Arrays.fill(ones, 1);
    return of(examples, ones, fitted, ridge);
  }

  /**
   * As {@link #of(List, boolean[], double)}, each example counting {@code exampleWeights[i]} times in the likelihood
   * (a weight of 2 fits as the example twice would).
   */
  public static LogisticFit of(List<FittingExamples.Example> examples, double[] exampleWeights, boolean[] fitted,
                               double ridge) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to fit");
    }
    if (exampleWeights.length != examples.size()) {
      throw new IllegalArgumentException(exampleWeights.length + " weights for " + examples.size() + " examples");
    }
    int n = fitted.length + 1;
    double[] w = new double[n];
    for (int step = 0; step < MAX_STEPS; step++) {
      double[][] hessian = new double[n][n];
      double[] gradient = new double[n];
      double[] x = new double[n];
      for (int k = 0; k < examples.size(); k++) {
        FittingExamples.Example e = examples.get(k);
        double weight = exampleWeights[k];
        x[0] = 1;
        for (int i = 1; i < n; i++) {
          x[i] = fitted[i - 1] ? e.signals()[i - 1] : 0;
        }
        double z = 0;
        for (int i = 0; i < n; i++) {
          z += w[i] * x[i];
        }
        double p = 1 / (1 + Math.exp(-z));
        double residual = weight * ((e.sameStory() ? 1 : 0) - p);
        double curvature = weight * p * (1 - p);
        for (int i = 0; i < n; i++) {
          gradient[i] += residual * x[i];
          for (int j = 0; j < n; j++) {
            hessian[i][j] += curvature * x[i] * x[j];
          }
        }
      }
      for (int i = 1; i < n; i++) {
        gradient[i] -= ridge * w[i];
        hessian[i][i] += ridge;
      }
      hessian[0][0] += 1e-12;
      double[] delta = solve(hessian, gradient);
      double largest = 0;
      for (int i = 0; i < n; i++) {
        w[i] += delta[i];
        largest = Math.max(largest, Math.abs(delta[i]));
      }
      if (largest < CONVERGED) {
        break;
      }
    }
    double[] weights = new double[fitted.length];
    System.arraycopy(w, 1, weights, 0, weights.length);
    return new LogisticFit(w[0], weights);
  }

  /** The fitted log-odds of a candidate with these signals. */
  public double logOdds(double[] signals) {
    double z = intercept;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * signals[i];
    }
    return z;
  }

  /** Gaussian elimination with partial pivoting: the systems are a dozen unknowns. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      double[] row = a[c];
      a[c] = a[pivot];
      a[pivot] = row;
      double t = b[c];
      b[c] = b[pivot];
      b[pivot] = t;
      for (int r = c + 1; r < n; r++) {
        double m = a[r][c] / a[c][c];
        for (int k = c; k < n; k++) {
          a[r][k] -= m * a[c][k];
        }
        b[r] -= m * b[c];
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int k = i + 1; k < n; k++) {
        s -= a[i][k] * x[k];
      }
      x[i] = s / a[i][i];
    }
    return x;
  }
}
