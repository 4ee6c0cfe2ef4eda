package io.newsflow.enrich.text.entities.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.entities.EntityTagger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTaggerTrainerTest {

  @Test
  void aTrainedModelReadsBackAndTagsTheSame() throws IOException {
    GmbTrainingSet set = new GmbTrainingSet();
    List<GmbTrainingSet.Example> examples = List.of(
        set.example(sentence("Kofi Annan visited Ghana .", "B-per I-per O B-geo O"), false),
        set.example(sentence("The UNESCO office in Accra closed .", "O B-org O O B-geo O O"), false));
    EntityTaggerTrainer trainer = new EntityTaggerTrainer(new EntityTaggerTrainer.Settings(5, 7L, 12, 0.0, 0.0));
    float[] weights = trainer.train(examples, new java.io.PrintStream(new ByteArrayOutputStream()));
    EntityTagger trained = new EntityTagger(12, weights);

    ByteArrayOutputStream file = new ByteArrayOutputStream();
    EntityTaggerTrainer.write(12, weights, file);
    EntityTagger read = EntityTagger.read(new ByteArrayInputStream(file.toByteArray()));

    for (GmbTrainingSet.Example e : examples) {
      assertThat(trained.tag(e.tokens(), e.ruleHints())).isEqualTo(EntityTagger.spans(e.labels()));
      assertThat(read.tag(e.tokens(), e.ruleHints())).isEqualTo(trained.tag(e.tokens(), e.ruleHints()));
    }
  }

  private static ConllCorpus.Sentence sentence(String tokens, String tags) {
    return new ConllCorpus.Sentence(List.of(tokens.split(" ")), List.of(tags.split(" ")));
  }
}
