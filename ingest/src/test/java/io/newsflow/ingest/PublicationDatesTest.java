package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDatesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-03-01T10:15:30Z                      | 2024-03-01T10:15:30Z",
      "2024-03-01T10:15:30.250Z                  | 2024-03-01T10:15:30.250Z",
      "2024-03-01T11:15:30+01:00                 | 2024-03-01T10:15:30Z",
      "2024-03-01T11:15:30+01:00[Europe/Paris]   | 2024-03-01T10:15:30Z",
      "2024-07-01T12:15:30[Europe/Paris]         | 2024-07-01T10:15:30Z",
      "2024-03-01T10:15:30                       | 2024-03-01T10:15:30Z",
      "2024-03-01 10:15:30                       | 2024-03-01T10:15:30Z",
      "2024-03-01                                | 2024-03-01T00:00:00Z",
      "Fri, 1 Mar 2024 10:15:30 GMT              | 2024-03-01T10:15:30Z",
  })
  void acceptsIsoFormsAndPlainDates(String text, String expected) {
    assertThat(PublicationDates.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "01/03/2024", "2024-13-01", "2024-03-01T25:00:00Z", ""})
  void rejectsEverythingElse(String text) {
    assertThatThrownBy(() -> PublicationDates.parse(text)).isInstanceOf(DateTimeParseException.class);
  }
}
