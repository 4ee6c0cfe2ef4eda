package io.newsflow.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of one Kafka Streams application's stream threads in this JVM: the work of a stage itself,
 * which, unlike its wall-clock rate, does not move with whatever else the machine runs (the broker,
 * the JIT compiler, other processes). Stream threads are named {@code <application id>-<process id>-StreamThread-<n>}.
 */
public final class StreamThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private StreamThreadCpu() {}

  /** Summed CPU nanoseconds of the live stream threads of {@code applicationId}, or -1 where the JVM cannot tell. */
  public static long nanos(String applicationId) {
    if (!THREADS.isThreadCpuTimeSupported() || !THREADS.isThreadCpuTimeEnabled()) {
      return -1;
    }
    long total = 0;
    for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (thread != null && isStreamThreadOf(thread.getThreadName(), applicationId)) {
        long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
        if (cpu > 0) {
          total += cpu;
        }
      }
    }
    return total;
  }

  static boolean isStreamThreadOf(String threadName, String applicationId) {
    return threadName.startsWith(applicationId + "-") && threadName.contains("-StreamThread-");
  }
}
