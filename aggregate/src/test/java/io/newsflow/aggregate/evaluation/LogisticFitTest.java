package io.newsflow.aggregate.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticFitTest {

  /** Labels drawn from a known logistic model: the fit must find its weights back. */
  @Test
  void recoversTheWeightsOfTheModelThatDrewTheLabels() {
    Random random = new Random(7);
    List<FittingExamples.Example> examples = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double[] x = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
      double z = -2 + 4 * x[0] - 1.5 * x[1];
      examples.add(new FittingExamples.Example(x, random.nextDouble() < 1 / (1 + Math.exp(-z))));
    }

    LogisticFit fit = LogisticFit.of(examples, new boolean[] {true, true, false}, 1e-6);

    assertThat(fit.intercept()).isBetween(-2.3, -1.7);
    assertThat(fit.weights()[0]).isBetween(3.6, 4.4);
    assertThat(fit.weights()[1]).isBetween(-1.8, -1.2);
    assertThat(fit.weights()[2]).as("not fitted").isZero();
    assertThat(fit.logOdds(new double[] {1, 0, 0})).isEqualTo(fit.intercept() + fit.weights()[0]);
  }

  @Test
  void theRidgeKeepsWeightsFiniteWhenASignalSeparatesTheExamples() {
    List<FittingExamples.Example> examples = List.of(
        new FittingExamples.Example(new double[] {0.9}, true), new FittingExamples.Example(new double[] {0.1}, false));

    LogisticFit fit = LogisticFit.of(examples, new boolean[] {true}, 1.0);

    assertThat(fit.weights()[0]).isPositive().isLessThan(10);
    assertThat(fit.logOdds(new double[] {0.9})).isPositive();
    assertThat(fit.logOdds(new double[] {0.1})).isNegative();
  }

  /** A weight of 2 is the example listed twice; without the weights the fit differs. */
  @Test
  void anExampleOfWeightTwoFitsAsTheExampleTwice() {
    Random random = new Random(11);
    List<FittingExamples.Example> examples = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      double x = random.nextDouble();
      // The first 50 all of the article's own story, so counting them twice moves the fit.
      examples.add(new FittingExamples.Example(new double[] {x}, i < 50 || random.nextDouble() < x));
    }
    List<FittingExamples.Example> twice = new ArrayList<>(examples);
    twice.addAll(examples.subList(0, 50));
    double[] weights = new double[examples.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = i < 50 ? 2 : 1;
    }

    LogisticFit weighted = LogisticFit.of(examples, weights, new boolean[] {true}, 1.0);
    LogisticFit listedTwice = LogisticFit.of(twice, new boolean[] {true}, 1.0);
    LogisticFit once = LogisticFit.of(examples, new boolean[] {true}, 1.0);

    assertThat(weighted.intercept()).isCloseTo(listedTwice.intercept(), within(1e-9));
    assertThat(weighted.weights()[0]).isCloseTo(listedTwice.weights()[0], within(1e-9));
    assertThat(Math.abs(once.intercept() - listedTwice.intercept())).as("the weights must change the fit").isGreaterThan(0.01);
  }

  @Test
  void oneWeightPerExample() {
    List<FittingExamples.Example> examples = List.of(new FittingExamples.Example(new double[] {0.5}, true));

    assertThatThrownBy(() -> LogisticFit.of(examples, new double[] {1, 1}, new boolean[] {true}, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("2 weights for 1 examples");
  }

  @Test
  void noExamplesIsAnError() {
    assertThatThrownBy(() -> LogisticFit.of(List.of(), new boolean[] {true}, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no examples to fit");
  }
}
