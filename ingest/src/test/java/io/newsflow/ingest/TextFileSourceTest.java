package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileSourceTest {
  private static final Instant MTIME = Instant.parse("2024-03-01T10:15:30.123Z");

  @TempDir
  Path dir;

  private final TextFileSource source = new TextFileSource();
  private final Collected out = new Collected();

  @Test
  void firstNonEmptyLineIsTheHeadlineAndTheRestTheBody() throws IOException {
    Path file = write("bbc/001.txt", "\uFEFF\n  Ad sales boost Time Warner profit  \r\n\r\nQuarterly profits jumped 76%.\r\n\r\nThe firm benefited.\n\n");

    source.read(file, out);

    assertThat(out.rejections).isEmpty();
    assertThat(out.articles).containsExactly(new IncomingArticle("bbc", null, "001",
        "Ad sales boost Time Warner profit", "Quarterly profits jumped 76%.\n\nThe firm benefited.",
        false, null, null, MTIME, file + ":2"));
  }

  @Test
  void latin1FileIsRejectedWithTheOffsetAndLineOfTheFirstBadByte() throws IOException {
    byte[] latin1 = "Caf\u00e9 owners protest\nPrices rose by 10\u00a3 a week.\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = write("lemonde/cafe.txt", latin1);

    source.read(file, out);

    assertThat(out.articles).isEmpty();
    assertThat(out.rejectionLines()).containsExactly(file + ":1: not-utf8: not valid UTF-8 at byte 3");
    assertThat(out.rejections.get(0).raw()).isEqualTo(latin1);
  }

  @Test
  void badByteOnALaterLineReportsThatLine() throws IOException {
    byte[] bytes = "Headline\nfine\nbad \u00e9 here\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = write("x/y.txt", bytes);

    source.read(file, out);

    assertThat(out.rejectionLines()).containsExactly(file + ":3: not-utf8: not valid UTF-8 at byte 18");
  }

  @Test
  void headlineWithoutBodyIsRejected() throws IOException {
    Path file = write("bbc/002.txt", "\nOnly a headline\n  \n\t\n");

    source.read(file, out);

    assertThat(out.articles).isEmpty();
    assertThat(out.rejectionLines()).containsExactly(file + ":2: empty-body: no text after the headline");
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    Path file = write("bbc/003.txt", "");

    source.read(file, out);

    assertThat(out.rejectionLines()).containsExactly(file + ":1: empty-body: file is empty");
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, FileTime.from(MTIME.plusNanos(456_789)));   // truncated to millis
    return file;
  }
}
