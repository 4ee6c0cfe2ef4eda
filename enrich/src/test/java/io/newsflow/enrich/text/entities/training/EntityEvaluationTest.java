package io.newsflow.enrich.text.entities.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.entities.EntityKind;
import io.newsflow.enrich.text.entities.EntityRecognizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityEvaluationTest {

  @Test
  void scoresTheRecognisersSpansAgainstGoldAndTimesTheRecognition() throws IOException {
    // gold: Vladimir Putin (PER), Moscow (LOC), NATO (ORG), and Qwrtzl (ORG), which no list holds
    List<ConllCorpus.Document> documents = ConllCorpus.read(new BufferedReader(new StringReader("""
        -DOCSTART- -X- O O

        Vladimir NNP I-NP B-PER
        Putin NNP I-NP I-PER
        visited VBD I-VP O
        Moscow NNP I-NP B-LOC
        on IN I-PP O
        Monday NNP I-NP O
        . . O O

        NATO NNP I-NP B-ORG
        and CC O O
        Qwrtzl NNP I-NP B-ORG
        agreed VBD I-VP O
        . . O O
        """)), "test");

    EntityEvaluation.Result result = EntityEvaluation.evaluate(new EntityRecognizer(), documents);

    assertThat(result.tokens()).isEqualTo(12);
    assertThat(result.scores().of(EntityKind.PERSON).correct()).isEqualTo(1);
    assertThat(result.scores().of(EntityKind.LOCATION)).isEqualTo(new SpanScores.Counts(1, 1, 1));
    SpanScores.Counts organisations = result.scores().of(EntityKind.ORGANIZATION);
    assertThat(organisations.gold()).isEqualTo(2);
    assertThat(organisations.correct()).isBetween(1, 2); // NATO is listed; Qwrtzl is the tagger's guess
    assertThat(result.scores().overall().gold()).isEqualTo(4);
    assertThat(result.recognitionNanos()).isPositive();
    assertThat(result.recognitionCpuNanos()).isPositive();
    assertThat(result.tokensPerCpuSecond()).isEqualTo(12 * 1e9 / result.recognitionCpuNanos());
  }

  @Test
  void theShippedRecogniserFindsOnCoNllTestaExactlyTheSpansItFoundBeforeTheSpeedWork() throws IOException {
    List<ConllCorpus.Document> documents = ConllCorpus.read(io.newsflow.platform.SharedData.path("conll2003/eng.testa"));

    SpanScores scores = EntityEvaluation.evaluate(new EntityRecognizer(), documents).scores();

    // the README's figures (F1 0.8599): the tagger's table layout and features must change no label
    assertThat(scores.of(EntityKind.PERSON)).isEqualTo(new SpanScores.Counts(1842, 1959, 1711));
    assertThat(scores.of(EntityKind.ORGANIZATION)).isEqualTo(new SpanScores.Counts(1341, 1055, 876));
    assertThat(scores.of(EntityKind.LOCATION)).isEqualTo(new SpanScores.Counts(1837, 1886, 1678));
  }
}
