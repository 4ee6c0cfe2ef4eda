package io.newsflow.aggregate;

import static io.newsflow.schemas.avro.EntityType.PERSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.aggregate.evaluation.FittingExamples;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FittingExamplesTest {
  @org.junit.jupiter.api.BeforeAll
  static void trustAvro() {
    io.newsflow.schemas.serde.AvroTrust.trustGeneratedClasses();
  }

  private static final Instant T = Instant.parse("2009-01-06T00:00:00Z");

  private static EnrichedArticle article(String id, int minutes, String title) {
    return Articles.article(id, "wire", title, T.plusSeconds(60L * minutes), "h" + id, Articles.signature(id.hashCode()),
        Articles.terms("chargers", "0.7", "arrested", "0.7"), List.of(Articles.entity("San Diego Chargers", PERSON, 0.9)));
  }

  @Test
  void eachArticleIsAnExampleAgainstEveryCandidateLabelledByItsGoldStory() {
    List<EnrichedArticle> articles = List.of(article("j1", 0, "Jackson arrested"), article("j2", 1, "Jackson to play"),
        article("w1", 2, "Williams arrested"), article("w2", 3, "Williams charged"));
    Map<String, String> gold = Map.of("j1", "jackson", "j2", "jackson", "w1", "williams", "w2", "williams");

    List<FittingExamples.Example> examples = FittingExamples.collect(articles, gold, ClusteringSettings.defaults());

    // j2 against Jackson's story; w1 against Jackson's (not its own); w2 against both, its own among them.
    assertThat(examples).hasSize(4);
    assertThat(examples.get(0).sameStory()).isTrue();
    assertThat(examples.get(1).sameStory()).isFalse();
    assertThat(examples.subList(2, 4)).extracting(FittingExamples.Example::sameStory).containsExactlyInAnyOrder(true, false);
    assertThat(examples).allSatisfy(e -> assertThat(e.signals()).hasSize(ScoreWeights.SETTINGS.size()));
  }

  @Test
  void anArticleWithoutALabelIsNamed() {
    assertThatThrownBy(() -> FittingExamples.collect(List.of(article("j1", 0, "Jackson")), Map.of(),
        ClusteringSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("article j1 has no label");
  }
}
