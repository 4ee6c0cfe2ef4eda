package io.newsflow.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Publication dates as sources write them. Accepted: ISO-8601 date-times with an offset or a zone
 * ({@code 2024-03-01T10:15:30+01:00}, {@code ...Z}, {@code ...+01:00[Europe/Paris]}); without one
 * ({@code 2024-03-01T10:15:30}, also with a space instead of the {@code T}), read as UTC; plain dates
 * ({@code 2024-03-01}), read as midnight UTC; and RFC 1123 ({@code Fri, 1 Mar 2024 10:15:30 GMT}),
 * which RSS uses. Anything else is an error rather than a guess.
 */
public final class PublicationDates {
  /** ISO_DATE_TIME, except that a zone may also come without an offset ({@code ...T12:00[Europe/Paris]}). */
  private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffsetId().optionalEnd()
      .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
      .toFormatter(Locale.ROOT);
  private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:)");

  private PublicationDates() {}

  /** @throws DateTimeParseException when {@code text} is in none of the accepted forms */
  public static Instant parse(String text) {
    String value = SPACE_BEFORE_TIME.matcher(text.strip()).replaceFirst("$1T$2");
    try {
      TemporalAccessor parsed = DATE_TIME.parseBest(value,
          ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof ZonedDateTime zoned) {
        return zoned.toInstant();
      }
      if (parsed instanceof OffsetDateTime offset) {
        return offset.toInstant();
      }
      return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notDateTime) {
      try {
        return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        try {
          return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException notRfc) {
          throw new DateTimeParseException("not an ISO-8601 date or date-time: " + text, text, 0);
        }
      }
    }
  }
}
