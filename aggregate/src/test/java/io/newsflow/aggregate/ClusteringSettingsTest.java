package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.platform.config.ConfigException;
import io.newsflow.platform.config.NewsflowConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusteringSettingsTest {

  @Test
  void mergeThresholdAndLateGraceComeFromSettings() {
    ClusteringSettings s = ClusteringSettings.from(NewsflowConfig.defaults()
        .with("aggregate.merge-threshold", "0.75").with("aggregate.late-grace", "PT6H"));

    assertThat(s.mergeThreshold()).isEqualTo(0.75);
    assertThat(s.lateGrace()).isEqualTo(Duration.ofHours(6));
    assertThat(ClusteringSettings.from(NewsflowConfig.defaults().with("aggregate.merge-threshold", "Infinity"))
        .mergeThreshold()).isInfinite();
  }

  @Test
  void aMarkedSubjectConflictNeverJoinsUnlessAMarginIsSet() {
    assertThat(ClusteringSettings.defaults().subjectMargin()).as("never by default, ADR 40").isInfinite();
    assertThat(ClusteringSettings.from(NewsflowConfig.defaults().with("aggregate.subject-margin", "0")).subjectMargin())
        .isZero();
    assertThat(ClusteringSettings.from(NewsflowConfig.defaults().with("aggregate.subject-margin", "1.5")).subjectMargin())
        .isEqualTo(1.5);
    assertThat(ClusteringSettings.defaults().withSubjectMargin(2).withMergeThreshold(3).subjectMargin()).isEqualTo(2);
  }

  @Test
  void defaultsMergeOnlyVeryStrongBridgesAndAcceptADayOfLateness() {
    ClusteringSettings s = ClusteringSettings.from(NewsflowConfig.defaults());

    assertThat(s.mergeThreshold()).as("above the join threshold: a merge needs a clearer bridge than a join")
        .isGreaterThan(s.threshold()).isFinite();
    assertThat(s.lateGrace()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void aLateGraceThatIsNotADurationIsRejectedWithTheSettingName() {
    assertThatThrownBy(() -> ClusteringSettings.from(NewsflowConfig.defaults().with("aggregate.late-grace", "1 day")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("setting aggregate.late-grace must be an ISO-8601 duration such as P1D or PT6H, got '1 day'");
    assertThatThrownBy(() -> ClusteringSettings.from(NewsflowConfig.defaults().with("aggregate.late-grace", "-PT1H")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must not be negative");
  }

  @Test
  void theConflictWeightsComeFromSettingsAndAreWrittenByFit() {
    ClusteringSettings s = ClusteringSettings.from(NewsflowConfig.defaults()
        .with("aggregate.weight.entity-conflict", "0.125").with("aggregate.weight.year-conflict", "0.25"));

    assertThat(s.weights().entityConflict()).isEqualTo(0.125);
    assertThat(s.weights().yearConflict()).isEqualTo(0.25);
    assertThat(s.scoringProperties()).containsEntry("aggregate.weight.entity-conflict", "0.125")
        .containsEntry("aggregate.weight.year-conflict", "0.250");
  }
}
