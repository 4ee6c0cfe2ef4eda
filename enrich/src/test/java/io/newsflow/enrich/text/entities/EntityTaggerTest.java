package io.newsflow.enrich.text.entities;

import static io.newsflow.enrich.text.entities.EntityKind.LOCATION;
import static io.newsflow.enrich.text.entities.EntityKind.ORGANIZATION;
import static io.newsflow.enrich.text.entities.EntityKind.PERSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

  private static List<String> tagged(String sentence) {
    List<CasedToken> tokens = CasedToken.scan(sentence);
    String[] hints = EntityRecognizer.ruleBased().ruleHints(sentence, tokens);
    List<String> out = new ArrayList<>();
    for (EntitySpan span : EntityTagger.shipped().tag(tokens, hints)) {
      out.add(sentence.substring(tokens.get(span.start()).start(), tokens.get(span.end() - 1).end())
          + "/" + IobTags.typeName(span.kind()));
    }
    return out;
  }

  @Test
  void labelsOfTheFirstTokensDoNotDependOnTheRestOfTheParagraph() throws IOException {
    EntityTagger tagger = EntityTagger.shipped();
    int compared = 0;
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.list(io.newsflow.platform.SharedData.path("bbc-news-2225/politics"))) {
      for (java.nio.file.Path file : files.sorted().limit(60).toList()) {
        for (String paragraph : java.nio.file.Files.readString(file).split("\n")) {
          List<CasedToken> tokens = CasedToken.scan(paragraph);
          if (tokens.size() < 4) {
            continue;
          }
          String[] hints = EntityRecognizer.ruleBased().ruleHints(paragraph, tokens);
          int[] whole = tagger.decode(tagger.features().extract(tokens, hints));
          for (int limit : new int[] {1, tokens.size() / 2, tokens.size() - 1}) {
            int[] prefix = tagger.decode(tagger.features().extract(tokens, hints, null, limit));
            assertThat(prefix).as("%s, first %d tokens", file, limit).isEqualTo(java.util.Arrays.copyOf(whole, limit));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(500);
  }

  @Test
  void theShippedModelLoadsAndTagsANewsSentence() {
    assertThat(tagged("German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Tuesday, "
        + "the European Commission said."))
        .containsExactly("Angela Merkel/PER", "Emmanuel Macron/PER", "Paris/LOC", "European Commission/ORG");
  }

  @Test
  void typesAPlaceNoGazetteerLists() {
    assertThat(tagged("Officials at the International Atomic Energy Agency in Vienna said Iran had resumed "
        + "enrichment at its Natanz plant."))
        .containsExactly("International Atomic Energy Agency/ORG", "Vienna/LOC", "Iran/LOC", "Natanz/LOC");
  }

  @Test
  void anInsideTagOnlyContinuesItsOwnKind() {
    assertThat(EntityTagger.allowed(0, EntityTagger.begin(PERSON) + 1)).isFalse();
    assertThat(EntityTagger.allowed(EntityTagger.begin(LOCATION), EntityTagger.begin(PERSON) + 1)).isFalse();
    assertThat(EntityTagger.allowed(EntityTagger.begin(PERSON), EntityTagger.begin(PERSON) + 1)).isTrue();
    assertThat(EntityTagger.allowed(EntityTagger.begin(PERSON) + 1, EntityTagger.begin(PERSON) + 1)).isTrue();
    int bOrg = EntityTagger.begin(ORGANIZATION);
    assertThat(EntityTagger.spans(new int[] {bOrg, bOrg + 1, 0, bOrg, bOrg}))
        .containsExactly(new EntitySpan(0, 2, ORGANIZATION), new EntitySpan(3, 4, ORGANIZATION),
            new EntitySpan(4, 5, ORGANIZATION));
  }
}
