package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.replay.ReplayProgress;
import io.newsflow.ingest.replay.ReplayRun;
import io.newsflow.ingest.replay.ReplaySpeed;
import io.newsflow.ingest.replay.ReplaySummary;
import io.newsflow.ingest.replay.ReplayWindow;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayRunTest {
  private static final Instant NOW = Instant.parse("2025-01-15T08:00:00Z");

  @TempDir Path dir;

  private final RecordingSink sink = new RecordingSink();
  private final ArticleIntake intake = new ArticleIntake(sink, new PublishedRevisions(), Clock.fixed(NOW, ZoneOffset.UTC), 1000);
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  private final List<Duration> sleeps = new ArrayList<>();
  private long nanos;

  private ReplayRun run() {
    return new ReplayRun(new ArticleFiles(), intake, new PrintStream(errors, true, StandardCharsets.UTF_8),
        LoadProgress.Factory.HIDDEN, ReplayProgress.Factory.HIDDEN, dir.resolve("spool"),
        d -> {
          sleeps.add(d);
          nanos += d.toNanos();
        }, () -> nanos);
  }

  /** Two files whose articles interleave in time, with a tie, a line without a date and a bad line. */
  private Path archive() throws Exception {
    Path input = dir.resolve("input");
    Files.createDirectories(input);
    Files.writeString(input.resolve("a.jsonl"), String.join("\n",
        line("a1", "1987-03-01T10:20:00Z"),
        line("a2", "1987-03-01T10:00:00Z"),
        "{\"id\":\"a3\",\"source\":\"s\",\"title\":\"a3\",\"body\":\"no date\"}",
        line("a4", "1987-03-03T00:00:00Z")) + "\n");
    Files.writeString(input.resolve("b.jsonl"), String.join("\n",
        line("b1", "1987-03-01T10:10:00Z"),
        "{broken",
        line("b2", "1987-03-01T10:00:00Z"),
        line("b3", "1987-02-28T23:59:00Z")) + "\n");
    return input;
  }

  private static String line(String id, String published) {
    return "{\"id\":\"" + id + "\",\"source\":\"s\",\"title\":\"" + id + "\",\"body\":\"text of " + id
        + "\",\"published\":\"" + published + "\"}";
  }

  @Test
  void publishesInPublicationOrderWithTiesInInputOrderAndDeadLettersWhatCannotBePlaced() throws Exception {
    ReplaySummary summary = run().replay(List.of(archive()), ReplaySpeed.MAX, ReplayWindow.ALL);

    assertThat(sink.published).extracting(RawArticle::getTitle).containsExactly("b3", "a2", "b2", "b1", "a1", "a4");
    assertThat(sink.published).extracting(RawArticle::getPublishedAt)
        .isSortedAccordingTo(Instant::compareTo);
    assertThat(sink.deadLetters).extracting(DeadLetter::getReason).containsExactly("no-date", "invalid-json");
    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("a.jsonl:3: no-date: no publication time");
    assertThat(summary).hasToString("published 6, unchanged 0, rejected 2, skipped by date 0");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void keepsOnlyTheWindowAndCountsTheRestAsSkipped() throws Exception {
    ReplaySummary summary = run().replay(List.of(archive()), ReplaySpeed.MAX, ReplayWindow.parse("1987-03-01", "1987-03-02"));

    assertThat(sink.published).extracting(RawArticle::getTitle).containsExactly("a2", "b2", "b1", "a1");
    assertThat(summary.skippedByDate()).isEqualTo(2);
    assertThat(summary.ingest().published()).isEqualTo(4);
  }

  @Test
  void aSecondReplayOfTheSameArchivePublishesNothing() throws Exception {
    Path input = archive();
    run().replay(List.of(input), ReplaySpeed.MAX, ReplayWindow.ALL);
    int before = sink.published.size();

    ReplaySummary again = run().replay(List.of(input), ReplaySpeed.MAX, ReplayWindow.ALL);

    assertThat(sink.published).hasSize(before);
    assertThat(again).hasToString("published 0, unchanged 6, rejected 2, skipped by date 0");
  }

  @Test
  void compressedTimeWaitsTheScaledGapsAndCommitsBeforeEachWait() throws Exception {
    ReplaySummary summary = run().replay(List.of(archive()), ReplaySpeed.parse("600x"),
        ReplayWindow.parse("1987-03-01", "1987-03-02"));

    // 10:00, 10:00, 10:10, 10:20 at 600x: 1 s after the first, then 1 s more
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(summary.ingest().published()).isEqualTo(4);
    // one commit for the dead letters, one before each wait, one at the end
    assertThat(sink.commits).isEqualTo(4);
  }
}
