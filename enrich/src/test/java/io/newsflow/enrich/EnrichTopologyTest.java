package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.ArticleAnalyzer;
import io.newsflow.enrich.text.TextCleaner;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {
  static final Instant PUBLISHED = Instant.parse("2024-03-05T09:30:00Z");
  static final String BODY = """
      <html><body><script>track()</script>
      <p>Russian President Vladimir Putin met German Chancellor Olaf Scholz in Moscow on Tuesday.</p>
      <p>Putin said talks with Germany would continue.</p>
      <p>READ MORE: Other news</p>
      <p>Story continues below advertisement</p>
      </body></html>""";

  @TempDir Path stateDir;
  Topics topics;
  TopologyTestDriver driver;
  TestInputTopic<String, RawArticle> raw;
  TestOutputTopic<String, EnrichedArticle> enriched;
  TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void start() {
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    topics = new Topics(TopicNames.defaults(), 1, registry);
    NewsflowConfig config = NewsflowConfig.defaults()
        .with(NewsflowConfig.BOOTSTRAP_SERVERS, "unused:9092")
        .with(NewsflowConfig.DATA_DIR, stateDir.toString());
    driver = new TopologyTestDriver(EnrichTopology.build(topics, new ArticleEnricher(new ArticleAnalyzer(), 5000)),
        StreamsSettings.forApplication(config, EnrichTopology.APPLICATION_ID, EnrichTopology.STAGE,
            topics.deadLetter().name(), registry));
    raw = driver.createInputTopic(topics.raw().name(), topics.raw().keySerde().serializer(),
        topics.raw().valueSerde().serializer());
    enriched = driver.createOutputTopic(topics.enriched().name(), topics.enriched().keySerde().deserializer(),
        topics.enriched().valueSerde().deserializer());
    deadLetters = driver.createOutputTopic(topics.deadLetter().name(), Serdes.String().deserializer(),
        topics.deadLetter().valueSerde().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static RawArticle article(String id, String body, BodyFormat format, Instant published) {
    return RawArticle.newBuilder().setArticleId(id).setSource("wire").setUrl("https://wire.example/" + id)
        .setTitle("Putin meets  Scholz").setBody(body).setBodyFormat(format).setPublishedAt(published)
        .setIngestedAt(Instant.parse("2024-03-06T00:00:00Z")).setOrigin("test").build();
  }

  @Test
  void enrichesAnHtmlArticleKeepingKeyAndEventTime() {
    raw.pipeInput("a1", article("a1", BODY, BodyFormat.HTML, PUBLISHED), PUBLISHED);

    TestRecord<String, EnrichedArticle> out = enriched.readRecord();
    EnrichedArticle a = out.value();
    assertThat(out.key()).isEqualTo("a1");
    assertThat(a.getEventTime()).isEqualTo(PUBLISHED);
    assertThat(a.getTitle()).isEqualTo("Putin meets Scholz");
    assertThat(a.getCleanText()).contains("Vladimir Putin met German Chancellor Olaf Scholz")
        .doesNotContain("track()", "READ MORE", "advertisement");
    assertThat(a.getLanguage()).isEqualTo("en");
    assertThat(a.getEntities()).anySatisfy(e -> {
      assertThat(e.getName()).isEqualTo("Vladimir Putin");
      assertThat(e.getType()).isEqualTo(EntityType.PERSON);
      assertThat(e.getSurfaceForms()).contains("Putin", "Vladimir Putin");
    });
    assertThat(a.getFingerprints().getContentHash()).hasSize(64);
    assertThat(a.getFingerprints().getSimHashHex()).matches("[0-9a-f]{16}");
    assertThat(a.getFingerprints().getMinHash()).hasSize(128);
    assertThat(a.getFingerprints().getLshBands()).hasSize(32);
    assertThat(a.getTopTerms()).isNotEmpty();
    assertThat(enriched.isEmpty()).isTrue();
  }

  @Test
  void namesTheWireMarksAreTheHeadlinesSubjectsAndTheArticlesMarkedNames() {
    RawArticle report = RawArticle.newBuilder(article("r1",
            "Shr 1.20 dlrs vs 1.10 dlrs\nNet 3,000,000 vs 2,500,000\nNOTE: <Kokomo Holding Co> owns 40 pct.",
            BodyFormat.TEXT, PUBLISHED))
        .setTitle("COBANCO INC <CBCO> YEAR NET").build();
    raw.pipeInput("r1", report, PUBLISHED);

    EnrichedArticle a = enriched.readRecord().value();
    assertThat(a.getTitle()).isEqualTo("COBANCO INC CBCO YEAR NET");
    assertThat(a.getSubjects()).containsExactly("CBCO");
    assertThat(a.getMarkedNames()).containsExactly("CBCO", "KOKOMO HOLDING CO");
  }

  @Test
  void usesIngestTimeWhenThereIsNoPublicationTimeOrOneAfterIngest() {
    raw.pipeInput("a1", article("a1", "Plain text body about the Moscow talks.", BodyFormat.TEXT, null));
    assertThat(enriched.readValue().getEventTime()).isEqualTo(Instant.parse("2024-03-06T00:00:00Z"));
    raw.pipeInput("a2", article("a2", "Plain text body about the Moscow talks.", BodyFormat.TEXT,
        Instant.parse("2024-03-07T00:00:00Z")));
    assertThat(enriched.readValue().getEventTime()).as("dated a day after it was read")
        .isEqualTo(Instant.parse("2024-03-06T00:00:00Z"));
  }

  @Test
  void emptyAndOversizedArticlesBecomeDeadLettersAndTheStreamGoesOn() {
    RawArticle empty = article("a1", "<p> </p><script>x()</script>", BodyFormat.HTML, PUBLISHED);
    RawArticle huge = article("a2", "word ".repeat(2000), BodyFormat.TEXT, PUBLISHED);
    raw.pipeInput("a1", empty, PUBLISHED);
    raw.pipeInput("a2", huge, PUBLISHED);
    raw.pipeInput("a3", article("a3", BODY, BodyFormat.HTML, PUBLISHED), PUBLISHED);

    List<TestRecord<String, DeadLetter>> letters = deadLetters.readRecordsToList();
    assertThat(letters).extracting(r -> r.value().getReason()).containsExactly("empty-body", "oversized");
    DeadLetter first = letters.get(0).value();
    assertThat(letters.get(0).key()).isEqualTo("a1");
    assertThat(first.getStage()).isEqualTo("enrich");
    assertThat(first.getTopic()).isEqualTo(topics.raw().name());
    assertThat(first.getOffset()).isEqualTo(0L);
    byte[] original = new byte[first.getValue().remaining()];
    first.getValue().duplicate().get(original);
    assertThat(topics.raw().valueSerde().deserializer().deserialize(topics.raw().name(), original)).isEqualTo(empty);
    assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a3");
  }

  @Test
  void aLineRecurringInManyArticlesOfOneSourceIsLearnedAsThatSourcesBoilerplate() {
    // Given a footer no cleaning rule knows ("Follow us on ..." lines are already dropped by a rule)
    String footer = "The Daily Planet is published by Galaxy Communications of Metropolis.";
    assertThat(new TextCleaner().isBoilerplate(footer)).isFalse();
    assertThat(new TextCleaner().isBoilerplate("Follow us on Twitter @dailyplanet for more")).isTrue();

    // When six articles of one source carry it, then one of another source
    for (int n = 1; n <= 6; n++) {
      raw.pipeInput("p" + n, planet("p" + n, "dailyplanet", footer), PUBLISHED);
    }
    raw.pipeInput("b1", planet("b1", "bugle", footer), PUBLISHED);

    // Then the first five keep it (the default threshold is five earlier articles), the sixth loses it
    List<EnrichedArticle> out = enriched.readValuesToList();
    assertThat(out).hasSize(7);
    for (int n = 0; n < 5; n++) {
      assertThat(out.get(n).getCleanText()).as("article %d", n + 1).endsWith(footer);
    }
    assertThat(out.get(5).getCleanText()).isEqualTo("Lois Lane reports on story 6 from City Hall in Metropolis.");
    assertThat(out.get(6).getCleanText()).as("another source learns on its own").endsWith(footer);

    // And the store holds each source's count for the line
    KeyValueStore<String, Long> store = driver.getKeyValueStore(EnrichTopology.SOURCE_LINE_STORE);
    List<Long> footerCounts = new java.util.ArrayList<>();
    store.all().forEachRemaining(kv -> {
      if (kv.key.startsWith("dailyplanet\u0000") || kv.key.startsWith("bugle\u0000")) {
        footerCounts.add(kv.value);
      }
    });
    assertThat(footerCounts).containsExactlyInAnyOrder(6L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L);
  }

  static RawArticle planet(String id, String source, String footer) {
    return RawArticle.newBuilder(article(id, "Lois Lane reports on story " + id.substring(1) + " from City Hall in Metropolis.\n"
            + footer, BodyFormat.TEXT, PUBLISHED))
        .setSource(source).build();
  }
}
