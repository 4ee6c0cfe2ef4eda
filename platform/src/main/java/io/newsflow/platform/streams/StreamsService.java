package io.newsflow.platform.streams;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one topology: starts it, reports its state, replaces a thread that died of an unexpected
 * error a bounded number of times, and shuts down cleanly. Per-record errors never get here: they
 * become dead letters.
 */
public final class StreamsService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);
  /** Thread replacements allowed within {@link #REPLACEMENT_WINDOW} before the service gives up and shuts down. */
  static final int MAX_THREAD_REPLACEMENTS = 3;
  /** Failures further apart than this (an outage now and another in an hour) do not add up. */
  static final Duration REPLACEMENT_WINDOW = Duration.ofMinutes(10);

  private final KafkaStreams streams;
  private final String name;
  private final CountDownLatch running = new CountDownLatch(1);
  private final ArrayDeque<Long> recentFailures = new ArrayDeque<>();
  private final List<AutoCloseable> helpers = new ArrayList<>();

  public StreamsService(Topology topology, Properties props) {
    this.name = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    this.streams = new KafkaStreams(topology, props);
    streams.setStateListener((now, before) -> {
      LOG.info("{}: {} -> {}", name, before, now);
      if (now == KafkaStreams.State.RUNNING) {
        running.countDown();
      }
    });
    streams.setUncaughtExceptionHandler(e -> {
      int replacements = recordFailure(System.nanoTime());
      if (replacements > MAX_THREAD_REPLACEMENTS) {
        LOG.error("{}: stream thread failed {} times, shutting down: {}", name, replacements, DeadLetters.oneLine(e));
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      }
      LOG.warn("{}: replacing failed stream thread ({} of {}): {}", name, replacements, MAX_THREAD_REPLACEMENTS,
          DeadLetters.oneLine(e));
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
  }

  /** Counts a failure at {@code nanoTime}; returns the failures within the window, this one included. */
  private synchronized int recordFailure(long nanoTime) {
    recentFailures.addLast(nanoTime);
    while (nanoTime - recentFailures.peekFirst() > REPLACEMENT_WINDOW.toNanos()) {
      recentFailures.removeFirst();
    }
    return recentFailures.size();
  }

  public StreamsService start() {
    streams.start();
    return this;
  }

  public String name() {
    return name;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Fails when the topology has stopped or is stopping on an error: a caller waiting on its progress would wait forever. */
  public void requireAlive() {
    KafkaStreams.State state = streams.state();
    if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR
        || state == KafkaStreams.State.NOT_RUNNING) {
      throw new IllegalStateException(name + " stopped: " + state);
    }
  }

  /** Waits until the topology has reached RUNNING once. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** Has {@code helper}, something the topology uses while it runs, closed after the streams. */
  public StreamsService alsoClosing(AutoCloseable helper) {
    helpers.add(helper);
    return this;
  }

  @Override
  public void close() {
    try {
      streams.close(Duration.ofSeconds(30));
    } finally {
      for (AutoCloseable helper : helpers) {
        try {
          helper.close();
        } catch (Exception e) {
          LOG.warn("{}: could not close {}: {}", name, helper, DeadLetters.oneLine(e));
        }
      }
    }
  }
}
