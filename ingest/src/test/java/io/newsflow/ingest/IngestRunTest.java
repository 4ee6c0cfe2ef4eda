package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestRunTest {
  private static final Instant NOW = Instant.parse("2025-01-15T08:00:00Z");
  private static final Instant MTIME = Instant.parse("2024-03-01T10:15:30Z");

  @TempDir
  Path dir;

  private final RecordingSink sink = new RecordingSink();
  private final ByteArrayOutputStream errorBytes = new ByteArrayOutputStream();
  private final IngestRun run = new IngestRun(
      new ArticleIntake(sink, new PublishedRevisions(), Clock.fixed(NOW, ZoneOffset.UTC), 1000),
      new PrintStream(errorBytes, true, StandardCharsets.UTF_8), LoadProgress.Factory.HIDDEN);

  @Test
  void badInputIsReportedAndDeadLetteredWhileEveryGoodArticleIsPublished() throws IOException {
    // Given a folder mixing good files with one of each kind of bad input
    Path good = write("bbc/001.txt", "Ad sales boost Time Warner profit\n\nQuarterly profits jumped.");
    write("bbc/002.html", "<html><head><title>Dollar gains</title></head><body><p>The dollar rose.</p></body></html>");
    byte[] latin1 = "Caf\u00e9 prices\nrise".getBytes(StandardCharsets.ISO_8859_1);
    Path latin1File = write("lemonde/cafe.txt", latin1);
    Path emptyBody = write("lemonde/only-headline.txt", "Only a headline\n");
    Path feed = write("wire/feed.jsonl",
        "{\"id\":\"w1\",\"url\":\"https://www.example.com/w1?utm_source=rss\",\"source\":\"wire\",\"title\":\"W1\",\"body\":\"b1\",\"published\":\"2024-02-01T09:00:00Z\"}\n"
        + "{not json\n"
        + "{\"id\":\"w3\",\"source\":\"wire\",\"title\":\"W3\",\"body\":\"b3\"}\n");
    Path archive = dir.resolve("wire/old.jsonl.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(archive))) {
      gz.write("{\"doc_id\":\"d1\",\"title\":\"D1\",\"text\":\"t1\",\"dct\":\"2016-07-24\"}\n".getBytes(StandardCharsets.UTF_8));
    }
    Path missing = dir.resolve("nope");

    // When both paths are ingested
    IngestSummary summary = run.ingest(List.of(dir, missing));

    // Then every good article is published, in walk order, with ids and formats
    assertThat(sink.published).extracting(RawArticle::getTitle)
        .containsExactly("Ad sales boost Time Warner profit", "Dollar gains", "W1", "W3", "D1");
    RawArticle first = sink.published.get(0);
    assertThat(first.getArticleId()).isEqualTo(ArticleIds.forGuid("bbc", "001"));
    assertThat(first.getOrigin()).isEqualTo(good + ":1");
    assertThat(first.getPublishedAt()).isEqualTo(MTIME);
    assertThat(first.getIngestedAt()).isEqualTo(NOW);
    assertThat(sink.published.get(1).getBodyFormat()).isEqualTo(BodyFormat.HTML);
    assertThat(sink.published.get(2).getArticleId()).isEqualTo(ArticleIds.forUrl("https://example.com/w1"));
    assertThat(sink.published.get(2).getUrl()).isEqualTo("https://example.com/w1");

    // and each rejection is one line on the error stream, exactly
    assertThat(errorBytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        latin1File + ":1: not-utf8: not valid UTF-8 at byte 3",
        emptyBody + ":1: empty-body: no text after the headline",
        feed + ":2: invalid-json: Unexpected character ('n' (code 110)): was expecting double-quote to start field name at column 2",
        missing + ": not-found: no such file or directory");

    // and one dead letter each, with the raw input
    assertThat(sink.deadLetters).extracting(DeadLetter::getOrigin)
        .containsExactly(latin1File + ":1", emptyBody + ":1", feed + ":2", missing.toString());
    DeadLetter latin1Letter = sink.deadLetters.get(0);
    assertThat(latin1Letter.getStage()).isEqualTo("ingest");
    assertThat(latin1Letter.getReason()).isEqualTo("not-utf8");
    assertThat(latin1Letter.getTimestamp()).isEqualTo(NOW);
    assertThat(bytes(latin1Letter)).isEqualTo(latin1);
    assertThat(bytes(sink.deadLetters.get(2))).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
    assertThat(sink.deadLetters.get(3).getValue()).as("nothing was read").isNull();

    // and the summary counts both, after everything was flushed
    assertThat(summary).isEqualTo(new IngestSummary(5, 0, 4, 0));
    assertThat(summary.toString()).isEqualTo("published 5, unchanged 0, rejected 4");
    assertThat(summary.clean()).isFalse();
    assertThat(sink.commits).isEqualTo(1);
  }

  @Test
  void cleanRunReportsNothing() throws IOException {
    write("bbc/001.txt", "Headline\nbody");

    IngestSummary summary = run.ingest(dir);

    assertThat(summary.toString()).isEqualTo("published 1, unchanged 0, rejected 0");
    assertThat(summary.clean()).isTrue();
    assertThat(errorBytes.size()).isZero();
  }

  @Test
  void sameInputTwiceIsPublishedOnceAndCountedUnchangedTheSecondTime() throws IOException {
    write("bbc/001.txt", "Headline\nbody");
    write("wire/feed.jsonl", "{\"url\":\"https://m.example.com/x/\",\"title\":\"X\",\"body\":\"b\"}");

    IngestSummary first = run.ingest(dir);
    IngestSummary second = run.ingest(dir);

    assertThat(first).isEqualTo(new IngestSummary(2, 0, 0, 0));
    assertThat(second).isEqualTo(new IngestSummary(0, 2, 0, 0));
    assertThat(second.toString()).isEqualTo("published 0, unchanged 2, rejected 0");
    assertThat(sink.published).extracting(RawArticle::getRevision).containsExactly(1, 1);
  }

  @Test
  void progressSeesEveryByteOfTheFilesItReadsAndEveryItem() throws IOException {
    write("bbc/001.txt", "Headline\nbody");
    write("bbc/readme.md", "not read, not counted");
    write("wire/feed.jsonl", "{\"id\":\"1\",\"title\":\"X\",\"body\":\"b\"}\n{broken\n");
    long[] seen = new long[3];   // total announced, bytes read, items
    LoadProgress.Factory recording = total -> {
      seen[0] = total;
      return new LoadProgress() {
        @Override
        public void bytesRead(long count) {
          seen[1] += count;
        }

        @Override
        public void item() {
          seen[2]++;
        }

        @Override
        public void close() {}
      };
    };

    new IngestRun(new ArticleIntake(sink, new PublishedRevisions(), Clock.fixed(NOW, ZoneOffset.UTC), 10),
        new PrintStream(errorBytes, true, StandardCharsets.UTF_8), recording).ingest(dir);

    long expected = Files.size(dir.resolve("bbc/001.txt")) + Files.size(dir.resolve("wire/feed.jsonl"));
    assertThat(seen).containsExactly(expected, expected, 3);
  }

  private static byte[] bytes(DeadLetter letter) {
    byte[] out = new byte[letter.getValue().remaining()];
    letter.getValue().duplicate().get(out);
    return out;
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, FileTime.from(MTIME));
    return file;
  }
}
