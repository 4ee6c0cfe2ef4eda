package io.newsflow.ingest.feed;

import io.newsflow.ingest.Collected;
import static io.newsflow.ingest.feed.LoopbackServer.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.IncomingArticle;
import io.newsflow.ingest.RawArticles;
import io.newsflow.ingest.RejectionReason;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
  private static final Feed WORLD = feed("https://feeds.dailyplanet.example/news/world/rss.xml", "dailyplanet");
  private static final Feed SCIENCE = feed("https://observatory.example/science/atom.xml", "observatory");

  private final FeedReader reader = new FeedReader();
  private final Collected out = new Collected();

  @Test
  void rss2ItemsTakeFullContentFromContentEncodedAndRejectItemsWithoutTitleOrText() {
    boolean read = reader.read(WORLD, fixture("feeds/world-rss2.xml"), "application/rss+xml", false, out);

    assertThat(read).isTrue();
    assertThat(out.articles).hasSize(2);
    IncomingArticle floods = out.articles.get(0);
    assertThat(floods.source()).isEqualTo("dailyplanet");
    assertThat(floods.title()).isEqualTo("Floods force thousands from homes in northern Italy");
    assertThat(floods.url()).isEqualTo("https://www.dailyplanet.example/news/world-europe-68412345?utm_source=rss&utm_medium=feed");
    assertThat(floods.guid()).isEqualTo("world-europe-68412345");
    assertThat(floods.body()).startsWith("<p>Thousands of people have been evacuated");
    assertThat(Jsoup.parse(floods.body()).text()).contains("5,000 people had left their homes & that schools");
    assertThat(floods.isHtml()).isTrue();
    assertThat(floods.author()).isEqualTo("Sofia Bellini");
    assertThat(floods.language()).isEqualTo("en");
    assertThat(floods.publishedAt()).isEqualTo(Instant.parse("2024-03-01T09:15:00Z"));
    assertThat(floods.origin()).isEqualTo(WORLD.url() + "#item-1");

    IncomingArticle markets = out.articles.get(1);
    assertThat(markets.title()).isEqualTo("Markets rally as inflation cools & rates hold");
    assertThat(markets.body()).startsWith("Shares rose in Asia");
    assertThat(markets.isHtml()).as("a description without markup is plain text").isFalse();
    assertThat(markets.publishedAt()).isEqualTo(Instant.parse("2024-03-01T07:02:11Z"));

    assertThat(out.rejectionLines()).containsExactly(
        WORLD.url() + "#item-3: missing-field: item has no title",
        WORLD.url() + "#item-4: empty-body: item 'Watch: the moment the bridge collapsed' has no text");
    assertThat(out.rejections.get(0).raw()).asString(StandardCharsets.UTF_8).contains("https://www.dailyplanet.example/news/untitled-1");
  }

  @Test
  void trackingParametersLeaveTheArticleIdThroughTheCanonicalUrl() {
    reader.read(WORLD, fixture("feeds/world-rss2.xml"), null, false, out);

    assertThat(RawArticles.from(out.articles.get(0), Instant.EPOCH).getUrl())
        .isEqualTo("https://dailyplanet.example/news/world-europe-68412345");
  }

  @Test
  void itemWithoutTextIsKeptWhenItsPageWillBeFetched() {
    reader.read(WORLD, fixture("feeds/world-rss2.xml"), null, true, out);

    assertThat(out.articles).extracting(IncomingArticle::title).contains("Watch: the moment the bridge collapsed");
  }

  @Test
  void atomEntriesTakeContentThenSummaryAndResolveRelativeLinks() {
    reader.read(SCIENCE, fixture("feeds/science-atom.xml"), "application/atom+xml; charset=utf-8", false, out);

    assertThat(out.rejections).isEmpty();
    assertThat(out.articles).hasSize(2);
    IncomingArticle comet = out.articles.get(0);
    assertThat(comet.title()).as("title markup removed").isEqualTo("Comet 12P visible to the naked eye");
    assertThat(comet.url()).isEqualTo("https://observatory.example/science/2024/03/comet-12p");
    assertThat(comet.guid()).isEqualTo("tag:observatory.example,2024:science/comet-12p");
    assertThat(comet.body()).startsWith("<p>Comet 12P/Pons-Brooks");
    assertThat(comet.isHtml()).isTrue();
    assertThat(comet.author()).isEqualTo("Ravi Menon");
    assertThat(comet.publishedAt()).isEqualTo(Instant.parse("2024-03-02T05:30:00Z"));

    IncomingArticle ice = out.articles.get(1);
    assertThat(ice.url()).isEqualTo("https://observatory.example/science/2024/03/ice-core");
    assertThat(ice.body()).startsWith("Drilling in East Antarctica");
    assertThat(ice.isHtml()).as("Atom type=text").isFalse();
    assertThat(ice.publishedAt()).as("no published: updated").isEqualTo(Instant.parse("2024-03-01T16:00:00Z"));
  }

  @Test
  void relativeLinksResolveAgainstWhereTheFeedWasRedirectedTo() {
    Fetched moved = new Fetched(URI.create("https://science.observatory.example/atom.xml"), false,
        fixture("feeds/science-atom.xml"), "application/atom+xml", Validators.NONE);

    reader.read(SCIENCE, moved, false, out);

    assertThat(out.articles).extracting(IncomingArticle::url).containsExactly(
        "https://observatory.example/science/2024/03/comet-12p", "https://science.observatory.example/science/2024/03/ice-core");
    assertThat(out.articles.get(1).origin()).as("origin names the listed feed").isEqualTo(SCIENCE.url() + "#item-2");
  }

  @Test
  void feedInTheCharsetOfItsXmlDeclarationIsDecodedInThatCharset() {
    reader.read(feed("https://www.lequotidien.example/economie/rss", "lequotidien"),
        fixture("feeds/economie-latin1.xml"), "text/xml", false, out);

    assertThat(out.rejections).isEmpty();
    assertThat(out.articles).singleElement().satisfies(a -> {
      assertThat(a.title()).isEqualTo("Le prix du caf\u00e9 atteint un record \u00e0 Paris");
      assertThat(a.body()).contains("torr\u00e9facteurs", "Br\u00e9sil");
      assertThat(a.language()).isEqualTo("fr");
    });
  }

  @Test
  void charsetOfTheHttpHeaderWinsOverTheXmlDeclaration() {
    byte[] utf8 = new String(fixture("feeds/economie-latin1.xml"), StandardCharsets.ISO_8859_1)
        .getBytes(StandardCharsets.UTF_8);   // still declares ISO-8859-1

    reader.read(WORLD, utf8, "application/rss+xml; charset=UTF-8", false, out);

    assertThat(out.articles).singleElement().extracting(IncomingArticle::title)
        .isEqualTo("Le prix du caf\u00e9 atteint un record \u00e0 Paris");
  }

  @Test
  void aBracketedCompanyNameInATitleIsTextAndTagsAreNot() {
    byte[] feed = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>wire</title>"
        + "<item><title>COBANCO INC &lt;CBCO&gt; YEAR NET</title><link>https://wire.example/1</link>"
        + "<description>Shr 1.20 dlrs vs 1.10 dlrs</description></item>"
        + "<item><title>&lt;b&gt;Markets&lt;/b&gt; rally</title><link>https://wire.example/2</link>"
        + "<description>Stocks rose.</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);

    reader.read(WORLD, feed, null, false, out);

    assertThat(out.articles).extracting(IncomingArticle::title)
        .containsExactly("COBANCO INC <CBCO> YEAR NET", "Markets rally");
  }

  @Test
  void malformedFeedIsOneRejectionWithItsBytes() {
    byte[] bytes = fixture("feeds/malformed-rss.xml");

    boolean read = reader.read(WORLD, bytes, null, false, out);

    assertThat(read).isFalse();
    assertThat(out.articles).isEmpty();
    assertThat(out.rejections).singleElement().satisfies(r -> {
      assertThat(r.origin()).isEqualTo(WORLD.url().toString());
      assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_FEED);
      assertThat(r.message()).contains("line 10").doesNotContain("\n");
      assertThat(r.raw()).isEqualTo(bytes);
    });
  }

  @Test
  void htmlPageInsteadOfAFeedAndUndecodableBytesAreRejected() {
    reader.read(WORLD, "<!doctype html><html><body><p>Not a feed</p></body></html>".getBytes(StandardCharsets.UTF_8), "text/html", false, out);
    reader.read(WORLD, new byte[] {'<', '?', 'x', 'm', 'l', '?', '>', '<', 'r', 's', 's', '>', (byte) 0xC3, '<'}, null, false, out);
    reader.read(WORLD, "<rss/>".getBytes(StandardCharsets.UTF_8), "text/xml; charset=klingon", false, out);

    assertThat(out.rejections).extracting(r -> r.reason().code())
        .containsExactly("malformed-feed", "malformed-feed", "unreadable");
    assertThat(out.rejectionLines().get(1)).endsWith("not valid in its declared charset at byte 12");
    assertThat(out.rejectionLines().get(2)).endsWith("unknown charset 'klingon'");
  }

  @Test
  void doctypeIsRefusedSoNoExternalEntityIsRead() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
        + "<rss version=\"2.0\"><channel><title>t</title><item><title>&x;</title><description>d</description>"
        + "<link>https://a.example/1</link></item></channel></rss>";

    reader.read(WORLD, xxe.getBytes(StandardCharsets.UTF_8), null, false, out);

    assertThat(out.articles).isEmpty();
    assertThat(out.rejections).singleElement().extracting(r -> r.reason().code()).isEqualTo("malformed-feed");
  }

  static Feed feed(String url, String source) {
    return new Feed(URI.create(url), source, Duration.ofMinutes(5), false);
  }
}
