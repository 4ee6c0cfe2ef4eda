package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.platform.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReutersSgmlSourceTest {
  private static final String HEADER = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n";
  private static final String COCOA = """
      <REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
      <DATE>26-FEB-1987 15:01:01.79</DATE>
      <TOPICS><D>cocoa</D></TOPICS>
      <UNKNOWN>\s
      &#5;&#5;&#5;C T
      &#22;&#22;&#1;f0704&#31;reute
      u f BC-BAHIA-COCOA-REVIEW   02-26 0105</UNKNOWN>
      <TEXT>&#2;
      <TITLE>BAHIA COCOA &lt;REVIEW></TITLE>
      <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week in
      the Bahia cocoa zone, &lt;Comissaria Smith> said.
       Reuter
      &#3;</BODY></TEXT>
      </REUTERS>
      """;
  private static final String BRIEF = """
      <REUTERS TOPICS="NO" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5573" NEWID="30">
      <DATE>26-FEB-1987 15:43:14.36</DATE>
      <TEXT TYPE="BRIEF">&#2;
      ******<TITLE>ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK
      </TITLE>Blah blah blah.
      &#3;

      </TEXT>
      </REUTERS>
      """;

  @TempDir
  Path dir;

  private final ReutersSgmlSource source = new ReutersSgmlSource();
  private final Collected out = new Collected();

  @Test
  void documentBecomesAnArticleWithEntitiesResolvedAndControlCodesDropped() throws IOException {
    Path file = write("reut2-000.sgm", HEADER + COCOA);

    source.read(file, out);

    assertThat(out.rejections).isEmpty();
    IncomingArticle article = out.articles.get(0);
    assertThat(article.source()).isEqualTo("reuters");
    assertThat(article.guid()).isEqualTo("1");
    assertThat(article.url()).isNull();
    assertThat(article.title()).isEqualTo("BAHIA COCOA <REVIEW>");
    assertThat(article.body()).isEqualTo("SALVADOR, Feb 26 - Showers continued throughout the week in\n"
        + "the Bahia cocoa zone, <Comissaria Smith> said.\n Reuter");
    assertThat(article.publishedAt()).isEqualTo(Instant.parse("1987-02-26T15:01:01.790Z"));
    assertThat(article.origin()).isEqualTo(file + ":2");
    assertThat(article.isHtml()).isFalse();
  }

  @Test
  void documentWithoutBodyIsRejectedWithItsLineAndBytes() throws IOException {
    Path file = write("reut2-000.sgm", HEADER + COCOA + BRIEF);

    source.read(file, out);

    assertThat(out.titles()).containsExactly("BAHIA COCOA <REVIEW>");
    assertThat(out.rejectionLines()).containsExactly(file + ":16: no-body: NEWID 30 has no <BODY> (TEXT TYPE=\"BRIEF\")");
    assertThat(out.rejections.get(0).raw()).isEqualTo(BRIEF.strip().getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void latin1BytesAreReadAsLatin1NotRejected() throws IOException {
    byte[] bytes = (HEADER + COCOA.replace("Showers", "M\u00fcnchen showers")).getBytes(StandardCharsets.ISO_8859_1);
    Path file = dir.resolve("latin1.sgm");
    Files.write(file, bytes);

    source.read(file, out);

    assertThat(out.rejections).isEmpty();
    assertThat(out.articles.get(0).body()).contains("M\u00fcnchen showers");
  }

  @Test
  void badDocumentsAreRejectedEachWithItsReasonAndTheRestStillLoads() throws IOException {
    String noTitle = COCOA.replace("NEWID=\"1\"", "NEWID=\"2\"").replaceAll("<TITLE>.*</TITLE>", "");
    String badDate = COCOA.replace("NEWID=\"1\"", "NEWID=\"3\"").replace("26-FEB-1987 15:01:01.79", "31-MAR-1987 605:12:19.12");
    String noId = COCOA.replace(" NEWID=\"1\"", "");
    String emptyBody = COCOA.replace("NEWID=\"1\"", "NEWID=\"4\"").replaceAll("(?s)<BODY>.*</BODY>", "<BODY>&#3;</BODY>");
    String unclosed = COCOA.replace("NEWID=\"1\"", "NEWID=\"5\"").replace("</REUTERS>\n", "");
    // 14 lines each, but the empty body takes 3 lines fewer.
    Path file = write("bad.sgm", noTitle + badDate + noId + emptyBody + COCOA + unclosed);

    source.read(file, out);

    assertThat(out.rejectionLines()).containsExactly(
        file + ":1: missing-field: NEWID 2 has no <TITLE>",
        file + ":15: invalid-date: not a Reuters date (26-FEB-1987 15:01:01.79): 31-MAR-1987 605:12:19.12",
        file + ":29: missing-field: no NEWID attribute",
        file + ":43: empty-body: NEWID 4 has an empty <BODY>",
        file + ":68: unreadable: <REUTERS> element the file ends before </REUTERS>");
    assertThat(out.articles).extracting(IncomingArticle::guid).containsExactly("1");
  }

  @Test
  void truncatedAtAnyByteEveryDocumentStartedIsAnArticleOrARejectionAndNothingThrows() throws IOException {
    byte[] whole = (HEADER + COCOA + BRIEF + COCOA.replace("NEWID=\"1\"", "NEWID=\"2\"")).getBytes(StandardCharsets.ISO_8859_1);
    for (int cut = 0; cut <= whole.length; cut++) {
      Path file = dir.resolve("cut.sgm");
      Files.write(file, java.util.Arrays.copyOf(whole, cut));
      Collected seen = new Collected();

      source.read(file, seen);

      long started = countOf(new String(whole, 0, cut, StandardCharsets.ISO_8859_1), "<REUTERS");
      assertThat(seen.articles.size() + seen.rejections.size()).as("cut at %d", cut).isEqualTo(started);
    }
  }

  @Test
  void randomBytesNeverThrowAndNeverInventArticles() throws IOException {
    java.util.Random random = new java.util.Random(21578);
    String[] pieces = {"<REUTERS NEWID=\"9\">", "</REUTERS>", "<BODY>", "</BODY>", "<TITLE>", "</TITLE>", "<DATE>",
        "</DATE>", "&#", "&lt;", "&", ";", "\n", "x", "\u00fc", "26-FEB-1987 15:01:01.79"};
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(60); i > 0; i--) {
        text.append(random.nextInt(4) == 0 ? (char) random.nextInt(256) : pieces[random.nextInt(pieces.length)]);
      }
      Path file = write("random.sgm", text.toString());
      Collected seen = new Collected();

      source.read(file, seen);

      assertThat(seen.articles).as("round %d: %s", round, text).allSatisfy(a -> {
        assertThat(a.guid()).isEqualTo("9");
        assertThat(a.body()).isNotBlank();
      });
    }
  }

  private static long countOf(String text, String what) {
    long count = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
      count++;
    }
    return count;
  }

  @Test
  void datesAsTheCorpusWritesThem() {
    assertThat(ReutersDates.parse(" 5-APR-1987 01:53:30.29")).isEqualTo(Instant.parse("1987-04-05T01:53:30.290Z"));
    assertThat(ReutersDates.parse("9-MAR-1987  04:58:41.9")).isEqualTo(Instant.parse("1987-03-09T04:58:41.900Z"));
    assertThat(ReutersDates.parse("16-MAR-1987 11:26:15.27\t\t\tC T")).isEqualTo(Instant.parse("1987-03-16T11:26:15.270Z"));
    assertThat(ReutersDates.parse(SgmlText.of("27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM")))
        .isEqualTo(Instant.parse("1987-03-27T00:02:59.130Z"));
    assertThat(ReutersDates.parse("9-APR-1987 00:00:00.00    # date added by S Finch as guesswork "))
        .isEqualTo(Instant.parse("1987-04-09T00:00:00Z"));
  }

  @Test
  void firstFileOfTheRealCorpus() {
    // grep -c '<REUTERS' reut2-000.sgm = 1000; grep -c '<BODY>' = 925; TYPE="BRIEF" 60 + TYPE="UNPROC" 15 = 75.
    Path file = SharedData.path("reuters-21578/reut2-000.sgm");

    source.read(file, out);

    assertThat(out.articles).hasSize(925);
    assertThat(out.rejections).hasSize(75).allSatisfy(r -> assertThat(r.reason()).isEqualTo(RejectionReason.NO_BODY));
    assertThat(out.articles).extracting(IncomingArticle::guid).doesNotHaveDuplicates();
    assertThat(out.articles).allSatisfy(a -> {
      assertThat(a.publishedAt()).isBetween(Instant.parse("1987-02-26T00:00:00Z"), Instant.parse("1987-03-04T00:00:00Z"));
      assertThat(a.body()).doesNotContain("&#", "&lt;").doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]");
    });
    // grep -n 'NEWID="5"' reut2-000.sgm: line 193.
    assertThat(out.articles.get(4).origin()).isEqualTo(file + ":193");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    return file;
  }
}
