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

class HtmlFileSourceTest {
  private static final Instant MTIME = Instant.parse("2024-03-01T10:15:30Z");

  @TempDir
  Path dir;

  private final HtmlFileSource source = new HtmlFileSource();
  private final Collected out = new Collected();

  @Test
  void titleUrlAndLanguageComeFromTheHeadAndTheBodyStaysHtml() throws IOException {
    String html = "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title> Caf\u00e9 prices rise </title>"
        + "<link rel=\"canonical\" href=\"https://www.example.com/news/cafe?utm_source=x\"></head>"
        + "<body><h1>Other</h1><p>Prices rose.</p></body></html>";
    Path file = write("guardian/cafe.html", html.getBytes(StandardCharsets.UTF_8));

    source.read(file, out);

    assertThat(out.rejections).isEmpty();
    assertThat(out.articles).containsExactly(new IncomingArticle("guardian",
        "https://www.example.com/news/cafe?utm_source=x", "cafe", "Caf\u00e9 prices rise", html, true, "en", null,
        MTIME, file + ":1"));
  }

  @Test
  void withoutTitleTheFirstH1IsTheHeadline() throws IOException {
    Path file = write("site/page.htm", "<html><body><h1>Storm hits coast</h1><p>Text.</p><link rel=canonical href=\"/relative\"></body></html>"
        .getBytes(StandardCharsets.UTF_8));

    source.read(file, out);

    assertThat(out.articles).singleElement().satisfies(a -> {
      assertThat(a.title()).isEqualTo("Storm hits coast");
      assertThat(a.guid()).isEqualTo("page");
      assertThat(a.url()).as("relative canonical links are useless in a saved file").isNull();
    });
  }

  @Test
  void pageInTheCharsetItDeclaresIsDecodedInThatCharset() throws IOException {
    byte[] bytes = "<html><head><meta charset=\"ISO-8859-1\"><title>Caf\u00e9</title></head><body><p>Prix.</p></body></html>"
        .getBytes(StandardCharsets.ISO_8859_1);
    Path file = write("lemonde/cafe.html", bytes);

    source.read(file, out);

    assertThat(out.rejections).isEmpty();
    assertThat(out.titles()).containsExactly("Caf\u00e9");
  }

  @Test
  void undeclaredNonUtf8PageIsRejected() throws IOException {
    Path file = write("lemonde/cafe.html", "<html><head><title>Caf\u00e9</title></head><body><p>Prix.</p></body></html>"
        .getBytes(StandardCharsets.ISO_8859_1));

    source.read(file, out);

    assertThat(out.articles).isEmpty();
    assertThat(out.rejectionLines()).containsExactly(file + ":1: not-utf8: not valid UTF-8 at byte 22");
  }

  @Test
  void pageWithoutHeadlineOrTextIsRejected() throws IOException {
    Path noTitle = write("a/no-title.html", "<html><body><p>Text only.</p></body></html>".getBytes(StandardCharsets.UTF_8));
    Path noText = write("a/no-text.html", "<html><head><title>Title</title></head><body> </body></html>".getBytes(StandardCharsets.UTF_8));

    source.read(noTitle, out);
    source.read(noText, out);

    assertThat(out.rejectionLines()).containsExactly(
        noTitle + ":1: missing-field: no <title> or <h1>",
        noText + ":1: empty-body: the page has no text");
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, FileTime.from(MTIME));
    return file;
  }
}
