package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {
  private static final String CANONICAL = "https://example.com/news/story-1";

  @ParameterizedTest
  @ValueSource(strings = {
      "https://example.com/news/story-1",
      "  https://example.com/news/story-1  ",
      "HTTPS://Example.COM/news/story-1",
      "https://example.com:443/news/story-1",
      "https://example.com/news/story-1/",
      "https://example.com/news/story-1#comments",
      "https://www.example.com/news/story-1",
      "https://m.example.com/news/story-1",
      "https://mobile.example.com/news/story-1",
      "https://amp.example.com/news/story-1",
      "https://example.com/amp/news/story-1",
      "https://example.com/news/story-1/amp",
      "https://example.com/news/story-1/amp/",
      "https://example.com/news/story-1.amp",
      "https://example.com/news/story-1?amp",
      "https://example.com/news/story-1?amp=1",
      "https://example.com/news/story-1?outputType=amp",
      "https://example.com/news/story-1?utm_source=twitter&utm_medium=social&utm_campaign=x",
      "https://example.com/news/story-1?fbclid=IwAR0abc&gclid=xyz&mc_cid=1&mc_eid=2&ocid=3&cmpid=4&ref=home",
      "https://www.example.com:443/amp/news/story-1/?utm_source=a&amp#top",
      "https://web.archive.org/web/20160929223606/https://www.example.com/news/story-1?utm_source=rss",
  })
  void variantsOfOneArticleHaveOneCanonicalForm(String variant) {
    assertThat(CanonicalUrl.of(variant)).isEqualTo(CANONICAL);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://example.com/search?q=kafka&page=2&utm_source=x | https://example.com/search?page=2&q=kafka",
      "https://example.com/search?b=2&a=1                      | https://example.com/search?a=1&b=2",
      "http://example.com:80/a                                 | http://example.com/a",
      "http://example.com:8080/a                               | http://example.com:8080/a",
      "https://example.com/                                    | https://example.com",
      "https://example.com/News/Story                          | https://example.com/News/Story",
      "https://example.com/a%20b                               | https://example.com/a%20b",
      "https://m.com/a                                         | https://m.com/a",
      "https://amp.dev/about                                   | https://amp.dev/about",
      "https://example.com/?outputType=print                   | https://example.com?outputType=print",
      "https://example.com/a?referrer=x&reference=y           | https://example.com/a?reference=y&referrer=x",
      "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66           | urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66",
      "not a url at all                                        | not a url at all",
  })
  void keepsWhatIdentifiesThePage(String url, String canonical) {
    assertThat(CanonicalUrl.of(url)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "https://example.com/news/story-1 | https://example.com/news/story-2",
      "https://example.com/news/story-1 | https://example.org/news/story-1",
      "https://example.com/item?id=1    | https://example.com/item?id=2",
      "https://example.com/news/story-1 | http://example.com:8080/news/story-1",
      "https://example.com/a/b          | https://example.com/b/a",
  })
  void differentArticlesStayDifferent(String one, String other) {
    assertThat(CanonicalUrl.of(one)).isNotEqualTo(CanonicalUrl.of(other));
  }
}
