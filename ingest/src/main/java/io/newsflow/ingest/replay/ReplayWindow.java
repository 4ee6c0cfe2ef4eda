package io.newsflow.ingest.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The publication times a replay keeps: from {@code from} (inclusive) up to {@code to} (exclusive),
 * either bound open when null. Half-open, so consecutive windows ({@code --from 1987-03-01 --to
 * 1987-03-02}, then {@code --from 1987-03-02 ...}) never replay an article twice or miss one.
 */
public record ReplayWindow(Instant from, Instant to) {
  public static final ReplayWindow ALL = new ReplayWindow(null, null);

  public ReplayWindow {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
    }
  }

  /** Reads each bound as a date ({@code 1987-03-01}, midnight UTC) or an ISO-8601 instant; null or blank is open. */
  public static ReplayWindow parse(String from, String to) {
    return new ReplayWindow(bound("--from", from), bound("--to", to));
  }

  private static Instant bound(String flag, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String s = text.strip();
    try {
      return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(flag + " must be a date (1987-03-01) or an instant (1987-03-01T12:00:00Z), got '"
          + text + "'");
    }
  }

  public boolean contains(Instant publishedAt) {
    return (from == null || !publishedAt.isBefore(from)) && (to == null || publishedAt.isBefore(to));
  }

  public boolean isAll() {
    return from == null && to == null;
  }
}
