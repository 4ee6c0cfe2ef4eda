package io.newsflow.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.DeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
  private static final Instant READ = Instant.parse("2025-01-15T08:00:00.250Z");

  @Test
  void anInputUpTo512KiBTravelsWholeAndALargerOneItsFirst512KiBAndItsSize() {
    byte[] fits = filled(512 * 1024);
    byte[] tooBig = filled(512 * 1024 + 1);

    DeadLetter whole = DeadLetters.fromInput("ingest", "not-utf8", "bad byte", "a.txt:1", fits, READ);
    DeadLetter cut = DeadLetters.fromRecord("enrich", "deserialization", new IllegalStateException("bad"),
        "news.articles.raw", 0, 7, READ.toEpochMilli(), "k".getBytes(), tooBig);

    assertThat(bytes(whole.getValue())).isEqualTo(fits);
    assertThat(whole.getOriginalValueSize()).isNull();
    assertThat(bytes(cut.getValue())).isEqualTo(Arrays.copyOf(tooBig, 512 * 1024));
    assertThat(cut.getOriginalValueSize()).isEqualTo(512L * 1024 + 1);
  }

  @Test
  void anInputOfNoBytesHasNoValue() {
    DeadLetter letter = DeadLetters.fromInput("ingest", "unreadable", "no such file", "gone.txt", new byte[0], READ);
    assertThat(letter.getValue()).isNull();
    assertThat(letter.getOriginalValueSize()).isNull();
    assertThat(letter.getTimestamp()).isEqualTo(READ);
  }

  private static byte[] filled(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31);
    }
    return bytes;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
