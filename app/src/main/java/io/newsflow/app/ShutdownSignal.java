package io.newsflow.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT/SIGTERM into a request to stop, and keeps the JVM alive until the main thread has
 * closed what it started (topologies, registry, broker), so shutdown is clean rather than cut off.
 */
final class ShutdownSignal {
  static final Duration CLEANUP_LIMIT = Duration.ofSeconds(60);

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch cleanedUp = new CountDownLatch(1);

  static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      signal.stopRequested.countDown();
      try {
        signal.cleanedUp.await(CLEANUP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "newsflow-shutdown"));
    return signal;
  }

  /** Blocks until the process is asked to stop. */
  void awaitStopRequest() throws InterruptedException {
    stopRequested.await();
  }

  /** Everything is closed: the JVM may exit. */
  void cleanedUp() {
    cleanedUp.countDown();
  }
}
