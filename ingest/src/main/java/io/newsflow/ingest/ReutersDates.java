package io.newsflow.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <DATE>} of a Reuters-21578 document, e.g. {@code 26-FEB-1987 15:01:01.79}: day (one or
 * two digits), English month abbreviation, year, time with hundredths. The corpus states no time
 * zone, so it is read as UTC. What the corpus appends after the time is ignored: teletype codes
 * ({@code &#5;&#5;&#5;RM}, which become "RM" once the control codes are dropped, or
 * {@code \t\t\tC T}) and an editor's "# date added by S Finch as guesswork". A time that is not a
 * time ({@code 31-MAR-1987 605:12:19.12}) is an error, not a guess.
 */
final class ReutersDates {
  private static final Pattern DATE = Pattern.compile(
      "\\s*(\\d{1,2})-([A-Za-z]{3})-(\\d{4})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,3}))?(?:\\D.*)?", Pattern.DOTALL);
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

  private ReutersDates() {}

  /** @throws DateTimeParseException when {@code text} is not such a date */
  static Instant parse(String text) {
    Matcher m = DATE.matcher(text);
    int month = m.matches() ? MONTHS.indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1 : 0;
    if (month == 0) {
      throw new DateTimeParseException("not a Reuters date (26-FEB-1987 15:01:01.79): " + text.strip(), text, 0);
    }
    String fraction = m.group(7) == null ? "0" : m.group(7);
    int millis = Integer.parseInt((fraction + "00").substring(0, 3));
    try {
      return LocalDateTime.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), millis * 1_000_000)
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new DateTimeParseException("not a valid date: " + text.strip() + " (" + e.getMessage() + ")", text, 0);
    }
  }
}
