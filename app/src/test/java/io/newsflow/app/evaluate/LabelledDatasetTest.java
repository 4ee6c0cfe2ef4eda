package io.newsflow.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledDatasetTest {
  @TempDir Path dir;

  @Test
  void readsGzippedLinesAndFiltersBySplit() throws Exception {
    Path file = dir.resolve("set.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(String.join("\n",
          "{\"doc_id\":\"1\",\"cluster_id\":\"a\",\"split\":\"train\",\"title\":null,\"text\":\"x\"}",
          "{\"doc_id\":\"2\",\"cluster_id\":\"b\",\"split\":\"dev\",\"title\":\"T\",\"text\":\"y\",\"dct\":\"2016-07-24\"}",
          "").getBytes(StandardCharsets.UTF_8));
    }

    List<LabelledDocument> dev = LabelledDataset.read(file, Optional.of("dev"));

    assertThat(dev).containsExactly(new LabelledDocument("2", "b", "dev", "T", "y", LocalDate.of(2016, 7, 24), null));
    assertThat(LabelledDataset.read(file, Optional.empty())).hasSize(2);
  }

  @Test
  void theEventOfADocumentIsItsTopicWhereTheDatasetHasTopicsElseItsCluster() throws Exception {
    Path file = dir.resolve("topics.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"doc_id\":\"1_1ecb\",\"topic\":1,\"cluster_id\":\"1_ecb\",\"text\":\"x\"}",
        "{\"doc_id\":\"1_9ecbplus\",\"topic\":1,\"cluster_id\":\"1_ecbplus\",\"text\":\"y\"}",
        "{\"doc_id\":\"g\",\"cluster_id\":\"610379\",\"text\":\"z\"}", ""));

    List<LabelledDocument> docs = LabelledDataset.read(file, Optional.empty());

    assertThat(docs).extracting(LabelledDocument::event).containsExactly("topic 1", "topic 1", "610379");
  }

  @Test
  void readsTheTimeOfADctThatHasOne() throws Exception {
    Path file = dir.resolve("timed.jsonl");
    Files.writeString(file, "{\"doc_id\":\"1\",\"cluster_id\":\"a\",\"text\":\"x\",\"dct\":\"2024-03-01T06:00:05Z\"}\n"
        + "{\"doc_id\":\"2\",\"cluster_id\":\"a\",\"text\":\"x\",\"dct\":\"2024-03-01T08:00:00+02:00\"}\n");

    List<LabelledDocument> docs = LabelledDataset.read(file, Optional.empty());

    assertThat(docs).extracting(LabelledDocument::time)
        .containsExactly(Instant.parse("2024-03-01T06:00:05Z"), Instant.parse("2024-03-01T06:00:00Z"));
    assertThat(docs).extracting(LabelledDocument::created).containsOnly(LocalDate.of(2024, 3, 1));
  }

  @Test
  void namesFileAndLineOfABadTime() throws Exception {
    Path file = dir.resolve("badtime.jsonl");
    Files.writeString(file, "{\"doc_id\":\"1\",\"cluster_id\":\"a\",\"text\":\"x\",\"dct\":\"2024-03-01 noon\"}\n");
    assertThatThrownBy(() -> LabelledDataset.read(file, Optional.empty()))
        .hasMessage(file + ":1: dct is neither a date nor a time with an offset: 2024-03-01 noon");
  }

  @Test
  void namesFileAndLineOfABadLine() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"doc_id\":\"1\",\"cluster_id\":\"a\",\"text\":\"x\"}\n{oops\n");
    assertThatThrownBy(() -> LabelledDataset.read(file, Optional.empty()))
        .hasMessageStartingWith(file + ":2: not JSON");
  }
}
