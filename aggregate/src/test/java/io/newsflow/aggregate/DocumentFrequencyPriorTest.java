package io.newsflow.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.WeightedTerm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentFrequencyPriorTest {

  @Test
  void countsEachArticlesKeysOnceAndLeavesOutKeysOfASingleArticle(@TempDir Path dir) throws IOException {
    DocumentFrequencyPrior prior = DocumentFrequencyPrior.countedFrom(List.of(
        article("a1", Articles.terms("police", "0.8", "gunman", "0.6")),
        article("a2", Articles.terms("police", "0.6", "road", "0.8")),
        article("a3", Articles.terms("budget", "0.8", "vote", "0.6"))));

    assertThat(prior.documents()).isEqualTo(3);
    assertThat(prior.frequency(IndexKeys.term("police"))).isEqualTo(2);
    assertThat(prior.frequency(IndexKeys.term("gunman"))).isZero();
    assertThat(prior.frequency(DocumentFrequencies.DOCUMENTS)).isEqualTo(3);

    Path file = dir.resolve("prior.tsv.gz");
    prior.write(file);
    DocumentFrequencyPrior read;
    try (InputStream in = Files.newInputStream(file)) {
      read = DocumentFrequencyPrior.read(in, "prior.tsv.gz");
    }
    assertThat(read.documents()).isEqualTo(3);
    assertThat(read.frequency(IndexKeys.term("police"))).isEqualTo(2);
    assertThat(read.keys()).isEqualTo(prior.keys());
  }

  @Test
  void underAShardPrefixOnlyThatShardsKeysHaveCounts() throws IOException {
    DocumentFrequencyPrior prior = DocumentFrequencyPrior.read(gzip("documents\t10\nt:police\t4\n"), "t");
    InMemoryStoryIndex all = new InMemoryStoryIndex(8, 100, prior.under(ShardIndex.prefix("en")));
    ShardIndex en = new ShardIndex(all, "en");
    ShardIndex de = new ShardIndex(all, "de");

    en.countDocument(Instant.EPOCH, List.of(IndexKeys.term("police")));
    de.countDocument(Instant.EPOCH, List.of(IndexKeys.term("police")));

    assertThat(en.documents()).isEqualTo(11);
    assertThat(en.termFrequency("police")).isEqualTo(5).isEqualTo(en.documentFrequency(IndexKeys.term("police")));
    assertThat(en.termFrequency("gunman")).isZero();
    assertThat(de.documents()).isEqualTo(1);
    assertThat(de.termFrequency("police")).isEqualTo(1);
  }

  @Test
  void aCountLeavingTheWindowFallsBackToThePriorNotToZero() throws IOException {
    DocumentFrequencyPrior prior = DocumentFrequencyPrior.read(gzip("documents\t10\nt:police\t4\n"), "t");
    DocumentFrequencies counts = new DocumentFrequencies(1, prior);
    assertThat(counts.frequency("t:police")).isEqualTo(4);
    DocumentFrequencies.Count held = counts.counter("t:police");

    counts.count(new DocumentFrequencies.Counted(0, 0, List.of("t:police", DocumentFrequencies.DOCUMENTS)));
    assertThat(held.n).isEqualTo(5);
    assertThat(counts.frequency(DocumentFrequencies.DOCUMENTS)).isEqualTo(11);
    assertThat(counts.keys()).isEqualTo(2);

    // The next article pushes the first out of a window of one
    counts.count(new DocumentFrequencies.Counted(1, 1, List.of("t:vote", DocumentFrequencies.DOCUMENTS)));
    assertThat(held.n).isEqualTo(4);
    assertThat(counts.frequency("t:police")).isEqualTo(4);
    assertThat(counts.frequency(DocumentFrequencies.DOCUMENTS)).isEqualTo(11);
    assertThat(counts.keys()).isEqualTo(2);
  }

  @Test
  void aMalformedTableSaysWhereAndWhat() {
    assertThatThrownBy(() -> DocumentFrequencyPrior.read(gzip("documents\t10\nt:police four\n"), "prior.tsv.gz"))
        .isInstanceOf(IOException.class)
        .hasMessage("prior.tsv.gz:2: expected 'key<TAB>count', got: t:police four");
    assertThatThrownBy(() -> DocumentFrequencyPrior.read(gzip("t:police\t4\n"), "prior.tsv.gz"))
        .isInstanceOf(IOException.class)
        .hasMessage("prior.tsv.gz:1: expected 'documents<TAB>count' first, got: t:police\t4");
  }

  @Test
  void theShippedTableWeighsCommonNewsWordsBelowRareOnes() {
    DocumentFrequencyPrior english = DocumentFrequencyPrior.english();
    assertThat(english.documents()).isGreaterThan(2000);
    assertThat(english.frequency(IndexKeys.term("officials"))).isGreaterThan(100);
    assertThat(english.frequency(IndexKeys.term("officials")))
        .isGreaterThan(english.frequency(IndexKeys.term("ambulance")));
    assertThat(ClusteringSettings.defaults().idfPrior()).isTrue();
  }

  private static EnrichedArticle article(String id, List<WeightedTerm> terms) {
    return Articles.article(id, "wire", id, Instant.EPOCH, id, Articles.signature(id.hashCode()), terms, List.of());
  }

  private static InputStream gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return new ByteArrayInputStream(bytes.toByteArray());
  }
}
