package io.newsflow.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.app.bench.CorpusGenerator;
import io.newsflow.app.bench.GeneratedArticle;
import io.newsflow.ingest.ArticleIntake;
import io.newsflow.ingest.ArticleSink;
import io.newsflow.ingest.PublishedRevisions;
import io.newsflow.ingest.Rejection;
import io.newsflow.schemas.EventTime;
import io.newsflow.schemas.avro.PublishedRevision;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo's pacing and labelling on a fake monotonic clock: nothing here sleeps. */
class DemoSourceTest {
  private static final Instant START = Instant.parse("2026-12-06T09:30:00Z");

  private final FakeTime time = new FakeTime(START);
  private final RecordingSink sink = new RecordingSink(time);

  @Test
  void publishesOneArticleEveryIntervalInPublicationOrderEachLabelledAsDemo() throws Exception {
    // Given: 20 articles/s, stopped once 45 are handed over
    DemoSource demo = new DemoSource(intake(), 20, START);

    // When
    List<Duration> waits = runUntil(demo, 45);

    // Then: due every 50 ms from the start, on the clock and as publication time, which is the event time
    assertThat(waits.get(0)).isZero();
    assertThat(waits.subList(1, 45)).containsOnly(Duration.ofMillis(50));
    assertThat(sink.published).hasSize(45);
    for (int i = 0; i < 45; i++) {
      RawArticle a = sink.published.get(i);
      Instant due = START.plusMillis(50L * i);
      assertThat(a.getPublishedAt()).isEqualTo(due);
      assertThat(EventTime.of(a)).isEqualTo(due);
    }
    // and the generator's articles, every source and URL marked as demo data
    List<GeneratedArticle> expected = new CorpusGenerator(START.toEpochMilli()).generate(45);
    for (int i = 0; i < 45; i++) {
      RawArticle a = sink.published.get(i);
      assertThat(a.getSource()).isEqualTo("demo:" + expected.get(i).article().source());
      assertThat(a.getTitle()).isEqualTo(expected.get(i).article().title());
      assertThat(a.getBody()).isEqualTo(expected.get(i).article().body());
      assertThat(a.getUrl()).startsWith("https://demo.newsflow.example/");
    }
    // and the generator's stories, reported by several outlets: a story of 2 or more articles forms at once
    assertThat(expected.stream().map(GeneratedArticle::story).distinct().count()).isLessThan(45);
  }

  @Test
  void commitsASecondsWorthOfArticlesAtATimeAndWhatIsLeftWhenStopped() throws Exception {
    DemoSource demo = new DemoSource(intake(), 20, START);

    runUntil(demo, 45);

    // 20 + 20 committed on the way, the last 5 when stopped: nothing handed over is left uncommitted
    assertThat(sink.committedBatches).containsExactly(20, 20, 5);
  }

  @Test
  void aSlowRateCommitsEveryArticleSoEachShowsAtOnce() throws Exception {
    DemoSource demo = new DemoSource(intake(), 0.5, START);

    List<Duration> waits = runUntil(demo, 3);

    assertThat(waits).containsExactly(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(sink.committedBatches).containsExactly(1, 1, 1);
    assertThat(sink.published.get(2).getPublishedAt()).isEqualTo(START.plusSeconds(4));
  }

  @Test
  void timeLostToASlowCommitIsCaughtUpNotAddedUp() throws Exception {
    // Given: the first commit (after article 20) takes 180 ms, more than three intervals
    sink.commitTakes = Duration.ofMillis(180);
    DemoSource demo = new DemoSource(intake(), 20, START);

    // When
    List<Duration> waits = runUntil(demo, 26);

    // Then: the next three are published at once, the one after waits only what is left, then the beat resumes
    assertThat(waits.subList(20, 26)).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO,
        Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(50));
    // and publication times keep the steady rate, at most as late as the clock
    for (int i = 0; i < 26; i++) {
      assertThat(sink.published.get(i).getPublishedAt()).isEqualTo(START.plusMillis(50L * i));
      assertThat(sink.published.get(i).getPublishedAt()).isBeforeOrEqualTo(sink.published.get(i).getIngestedAt());
    }
  }

  @Test
  void aDemoStartedLaterPublishesOtherArticlesSoASecondRunOnTheSameDataIsNotUnchanged() throws Exception {
    PublishedRevisions revisions = new PublishedRevisions();
    new DemoSource(new ArticleIntake(sink, revisions, time, 1000), 20, START).run(time::nanos, stopAfter(30));
    FakeTime later = new FakeTime(START.plusSeconds(3600));
    RecordingSink second = new RecordingSink(later);

    new DemoSource(new ArticleIntake(second, revisions, later, 1000), 20, later.instant()).run(later::nanos,
        d -> {
          later.advance(d);
          return second.published.size() + second.pending.size() >= 30;
        });

    Set<String> firstIds = new HashSet<>();
    sink.published.forEach(a -> firstIds.add(a.getArticleId()));
    assertThat(second.published).hasSize(30).noneMatch(a -> firstIds.contains(a.getArticleId()));
  }

  @Test
  void ratesOutsideTheUsableRangeAreRefused() {
    assertThat(DemoSource.checkRate(20)).isEqualTo(20);
    assertThat(DemoSource.checkRate(DemoSource.MAX_RATE)).isEqualTo(DemoSource.MAX_RATE);
    for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, DemoSource.MAX_RATE + 1}) {
      assertThatThrownBy(() -> DemoSource.checkRate(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("demo rate");
    }
  }

  private ArticleIntake intake() {
    return new ArticleIntake(sink, new PublishedRevisions(), time, 1000);
  }

  /** Runs {@code demo} until {@code articles} are handed over; returns each wait it asked for. */
  private List<Duration> runUntil(DemoSource demo, int articles) throws InterruptedException {
    List<Duration> waits = new ArrayList<>();
    demo.run(time::nanos, d -> {
      if (sink.published.size() + sink.pending.size() >= articles) {
        return true;
      }
      waits.add(d);
      time.advance(d);
      return false;
    });
    return waits;
  }

  private DemoSource.Pause stopAfter(int articles) {
    return d -> {
      time.advance(d);
      return sink.published.size() + sink.pending.size() >= articles;
    };
  }

  /** A monotonic clock and the wall clock in step, both moved only by the test. */
  private static final class FakeTime extends Clock {
    private final Instant start;
    private long nanos = 1_000_000_000L;
    private final long startNanos = nanos;

    FakeTime(Instant start) {
      this.start = start;
    }

    long nanos() {
      return nanos;
    }

    void advance(Duration d) {
      nanos += d.toNanos();
    }

    @Override
    public Instant instant() {
      return start.plusNanos(nanos - startNanos);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** Keeps what was committed, batch by batch; a commit can take time on the fake clock. */
  private static final class RecordingSink implements ArticleSink {
    final List<RawArticle> published = new ArrayList<>();
    final List<RawArticle> pending = new ArrayList<>();
    final List<Integer> committedBatches = new ArrayList<>();
    private final FakeTime time;
    Duration commitTakes = Duration.ZERO;

    RecordingSink(FakeTime time) {
      this.time = time;
    }

    @Override
    public void publish(RawArticle article, PublishedRevision state) {
      pending.add(article);
    }

    @Override
    public void reject(Rejection rejection, Instant ingestedAt) {
      throw new AssertionError("the demo rejected " + rejection);
    }

    @Override
    public boolean commit() {
      time.advance(commitTakes);
      commitTakes = Duration.ZERO;
      committedBatches.add(pending.size());
      published.addAll(pending);
      pending.clear();
      return true;
    }
  }
}
