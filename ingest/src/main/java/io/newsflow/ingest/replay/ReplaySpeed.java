package io.newsflow.ingest.replay;

import java.time.Duration;
import java.util.Locale;

/**
 * How fast a replay goes: {@code max} (as fast as the broker takes it), {@code realtime} (the
 * archive's own gaps between publication times) or {@code Nx} (those gaps divided by N).
 *
 * @param factor how many times faster than the archive's own time; 0 for {@code max}
 */
public record ReplaySpeed(double factor) {
  public static final ReplaySpeed MAX = new ReplaySpeed(0);
  public static final ReplaySpeed REALTIME = new ReplaySpeed(1);

  public ReplaySpeed {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("speed factor must be a finite number >= 0, got " + factor);
    }
  }

  /** Reads {@code max}, {@code realtime} or {@code Nx} (N a positive number, e.g. {@code 1000x}, {@code 0.5x}). */
  public static ReplaySpeed parse(String text) {
    String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (s.equals("max")) {
      return MAX;
    }
    if (s.equals("realtime")) {
      return REALTIME;
    }
    if (s.endsWith("x")) {
      try {
        double n = Double.parseDouble(s.substring(0, s.length() - 1));
        if (n > 0 && !Double.isInfinite(n)) {
          return new ReplaySpeed(n);
        }
      } catch (NumberFormatException e) {
        // Reported below with the accepted forms.
      }
    }
    throw new IllegalArgumentException("speed must be max, realtime or a positive factor such as 1000x, got '" + text + "'");
  }

  /** Whether publishing waits between articles at all. */
  public boolean paced() {
    return factor > 0;
  }

  /** The wall-clock time that {@code eventTime} of the archive takes at this speed; zero for {@code max}. */
  public Duration wallTime(Duration eventTime) {
    if (!paced()) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.round(eventTime.toNanos() / factor));
  }

  @Override
  public String toString() {
    if (!paced()) {
      return "max";
    }
    return factor == 1 ? "realtime" : (factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor)) + "x";
  }
}
