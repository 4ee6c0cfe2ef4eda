package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text kernel's speed work changes no output: every BBC article's analysis (entities, language
 * and the model's probabilities, fingerprints, top terms) digests as the implementation before it did.
 */
class BbcAnalysesUnchangedTest {

  @Test
  void everyBbcArticleAnalysesExactlyAsBefore() throws IOException {
    Map<String, String> before = new LinkedHashMap<>();
    try (InputStream in = getClass().getResourceAsStream(AnalysisDigests.RESOURCE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] fields = line.split(" ");
        before.put(fields[0], fields[1]);
      }
    }

    Map<String, String> now = AnalysisDigests.ofBbcCorpus();

    assertThat(before).hasSizeGreaterThan(2000);
    assertThat(now).containsExactlyEntriesOf(before);
  }
}
