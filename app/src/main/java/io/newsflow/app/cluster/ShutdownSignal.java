package io.newsflow.app.cluster;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Turns SIGINT/SIGTERM into a request to stop: the main thread closes what it started (topologies,
 * registry, broker) and the command exits with its own exit code, 0 when all went well, instead of the
 * 130/143 the JVM gives a process ended by a signal. A second signal ends the JVM its own way (exit
 * 128+signal), which still waits for the clean-up under way, at most {@link #CLEANUP_LIMIT}: a bound
 * for a main thread stuck before it could see the first one.
 *
 * <p>A shutdown hook still covers every other way the JVM may end while the command runs (SIGHUP,
 * {@code System.exit}, a JVM started with {@code -Xrs}): it keeps the JVM alive until the main thread has
 * closed what it started, so shutdown is clean rather than cut off. A signal ignored from the start (as
 * in a background job of a non-interactive shell) stays ignored, as it always did in a JVM.
 */
public final class ShutdownSignal {
  static final Duration CLEANUP_LIMIT = Duration.ofSeconds(60);
  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch cleanedUp = new CountDownLatch(1);
  /** Put back the handlers this one replaced, once the command is done. */
  private final List<Runnable> restore = new ArrayList<>();

  public static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    for (String name : SIGNALS) {
      Runnable previous = handle(name, signal::received);
      if (previous != null) {
        signal.restore.add(previous);
      }
    }
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

  private void received(int signalNumber) {
    if (stopRequested.getCount() == 0) {
      // Asked twice: the JVM's shutdown, whose hook still gives the clean-up under way up to CLEANUP_LIMIT.
      Runtime.getRuntime().exit(128 + signalNumber);
    }
    stopRequested.countDown();
  }

  /** Blocks until the process is asked to stop. */
  public void awaitStopRequest() throws InterruptedException {
    stopRequested.await();
  }

  /** Everything is closed: the JVM may exit, and the signals end it the JVM's way again. */
  public void cleanedUp() {
    restore.forEach(Runnable::run);
    cleanedUp.countDown();
  }

  /**
   * Has signal {@code name} call {@code handler} with its number instead of ending the JVM, through
   * {@code sun.misc.Signal}: the JDK's only way to handle a signal, exported by {@code jdk.unsupported} for
   * this use. Reflection, as Kafka's {@code LoggingSignalHandler} does, because naming it makes the compiler
   * warn on every build. Returns what puts the previous handler back, or null where the signal cannot be
   * handled (the shutdown hook then covers it).
   */
  private static Runnable handle(String name, IntConsumer handler) {
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Object signal = signalType.getConstructor(String.class).newInstance(name);
      int number = (int) signalType.getMethod("getNumber").invoke(signal);
      Object proxy = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
          (self, method, args) -> switch (method.getName()) {
            case "handle" -> {
              handler.accept(number);
              yield null;
            }
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            default -> "newsflow stop request on SIG" + name;
          });
      var install = signalType.getMethod("handle", signalType, handlerType);
      Object previous = install.invoke(null, signal, proxy);
      return () -> {
        try {
          install.invoke(null, signal, previous);
        } catch (ReflectiveOperationException e) {
          // Ours stays: the signal then has to come twice to end the JVM.
        }
      };
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // Reserved by the JVM (-Xrs), unknown on this platform, or not this JDK's API.
    }
  }
}
