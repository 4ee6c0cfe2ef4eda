package io.newsflow.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StreamThreadCpuTest {

  @Test
  void countsOnlyTheNamedApplicationsStreamThreads() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch spun = new CountDownLatch(1);
    Thread busy = new Thread(() -> {
      // Spins until it has used 50 ms of CPU itself, however busy the machine is.
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long x = 0;
      while (threads.getCurrentThreadCpuTime() < 50_000_000L) {
        x += Long.numberOfTrailingZeros(System.nanoTime());
      }
      spun.countDown();
      while (!stop.get() && x != -1) {
        Thread.onSpinWait();
      }
    }, "bench-app-1f0e-StreamThread-1");
    busy.start();
    try {
      spun.await();
      assertThat(StreamThreadCpu.nanos("bench-app")).isGreaterThanOrEqualTo(50_000_000L);
      assertThat(StreamThreadCpu.nanos("other-app")).isZero();
    } finally {
      stop.set(true);
      busy.join();
    }
  }

  @Test
  void aStreamThreadBelongsToTheApplicationItsNameStartsWith() {
    assertThat(StreamThreadCpu.isStreamThreadOf("newsflow-aggregate-5f65-StreamThread-1", "newsflow-aggregate")).isTrue();
    assertThat(StreamThreadCpu.isStreamThreadOf("newsflow-aggregate-5f65-StateUpdater-1", "newsflow-aggregate")).isFalse();
    assertThat(StreamThreadCpu.isStreamThreadOf("newsflow-aggregate-v2-5f65-StreamThread-1", "newsflow-aggregate-v2")).isTrue();
    assertThat(StreamThreadCpu.isStreamThreadOf("kafka-producer-network-thread | newsflow-aggregate-5f65-StreamThread-1-producer",
        "newsflow-aggregate")).isFalse();
  }
}
