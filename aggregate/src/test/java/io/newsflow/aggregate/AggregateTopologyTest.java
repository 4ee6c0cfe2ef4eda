package io.newsflow.aggregate;

import static io.newsflow.aggregate.Articles.article;
import static io.newsflow.aggregate.Articles.edit;
import static io.newsflow.aggregate.Articles.entity;
import static io.newsflow.aggregate.Articles.signature;
import static io.newsflow.aggregate.Articles.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.platform.streams.DeadLetterHandler;
import io.newsflow.platform.streams.StreamsSettings;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.ArticleAssignment;
import io.newsflow.schemas.avro.ArticleRole;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.avro.StoryStatus;
import io.newsflow.schemas.avro.internal.StoryMember;
import io.newsflow.schemas.avro.internal.StoryState;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregateTopologyTest {
  static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");

  @TempDir Path stateDir;
  InMemorySchemaRegistry registry;
  Topics topics;
  TopologyTestDriver driver;
  TestInputTopic<String, EnrichedArticle> enriched;
  TestOutputTopic<String, StoryEvent> events;
  TestOutputTopic<String, StorySnapshot> snapshots;
  TestOutputTopic<String, ArticleAssignment> assignments;
  TestOutputTopic<String, DeadLetter> deadLetters;
  ClusteringSettings settings = ClusteringSettings.defaults();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @BeforeEach
  void start() {
    registry = new InMemorySchemaRegistry();
    topics = new Topics(TopicNames.defaults(), 1, registry);
    driver = newDriver(stateDir.resolve("a"));
  }

  TopologyTestDriver newDriver(Path dir) {
    NewsflowConfig config = NewsflowConfig.defaults()
        .with(NewsflowConfig.BOOTSTRAP_SERVERS, "unused:9092")
        .with(NewsflowConfig.DATA_DIR, dir.toString());
    Properties props = StreamsSettings.forApplication(config, AggregateTopology.APPLICATION_ID,
        AggregateTopology.STAGE, topics.deadLetter().name(), registry);
    props.put(DeadLetterHandler.METERS, meters);
    TopologyTestDriver d = new TopologyTestDriver(
        AggregateTopology.build(topics, settings, registry), props);
    enriched = d.createInputTopic(topics.enriched().name(), topics.enriched().keySerde().serializer(),
        topics.enriched().valueSerde().serializer());
    events = d.createOutputTopic(topics.storyEvents().name(), topics.storyEvents().keySerde().deserializer(),
        topics.storyEvents().valueSerde().deserializer());
    snapshots = d.createOutputTopic(topics.storySnapshots().name(), topics.storySnapshots().keySerde().deserializer(),
        topics.storySnapshots().valueSerde().deserializer());
    assignments = d.createOutputTopic(topics.assignments().name(), topics.assignments().keySerde().deserializer(),
        topics.assignments().valueSerde().deserializer());
    deadLetters = d.createOutputTopic(topics.deadLetter().name(), Serdes.String().deserializer(),
        topics.deadLetter().valueSerde().deserializer());
    return d;
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  void send(EnrichedArticle a) {
    enriched.pipeInput(a.getArticleId(), a, a.getEventTime());
  }

  public static EnrichedArticle quake(String id, String source, List<Integer> sig, Instant time) {
    return article(id, source, "Earthquake hits coastal city", time, "hash-" + id, sig,
        terms("earthquake", "0.8", "coastal", "0.5", "magnitude", "0.3"),
        List.of(entity("Chile", EntityType.LOCATION, 1.0)));
  }

  public static EnrichedArticle election(String id, Instant time) {
    return article(id, "ballot.example", "Parliament passes budget", time, "hash-" + id, signature(99),
        terms("budget", "0.9", "parliament", "0.4"), List.of(entity("Parliament", EntityType.ORGANIZATION, 1.0)));
  }

  @Test
  void nearDuplicatesFromTwoSourcesFormOneStoryAndAnUnrelatedArticleAnother() {
    List<Integer> sig = signature(1);
    send(quake("a1", "wire.example", sig, T0));
    send(quake("a2", "daily.example", edit(sig, 12, 7), T0.plusSeconds(600)));
    send(election("a3", T0.plusSeconds(900)));

    Map<String, ArticleAssignment> byArticle = assignments.readKeyValuesToMap();
    assertThat(byArticle.get("a2").getStoryId()).isEqualTo(byArticle.get("a1").getStoryId());
    assertThat(byArticle.get("a2").getRole()).isEqualTo(ArticleRole.NEAR_DUPLICATE);
    assertThat(byArticle.get("a3").getStoryId()).isNotEqualTo(byArticle.get("a1").getStoryId());
    assertThat(byArticle.get("a1").getStoryId()).isEqualTo(StoryIds.forFoundingArticle("a1"));

    List<StoryEvent> out = events.readValuesToList();
    assertThat(out).extracting(StoryEvent::getType).containsExactly(
        StoryEventType.STORY_STARTED, StoryEventType.ARTICLE_ADDED, StoryEventType.STORY_UPDATED,
        StoryEventType.STORY_STARTED);
    assertThat(out.get(2).getSources()).containsExactly("daily.example", "wire.example");
    assertThat(out.get(1).getSequence()).isEqualTo(2);
    assertThat(out.get(1).getEventTime()).isEqualTo(T0.plusSeconds(600));

    Map<String, StorySnapshot> latest = snapshots.readKeyValuesToMap();
    StorySnapshot quakeStory = latest.get(byArticle.get("a1").getStoryId());
    assertThat(quakeStory.getArticles()).extracting(a -> a.getArticleId()).containsExactly("a1", "a2");
    assertThat(quakeStory.getEntities()).extracting(e -> e.getName()).containsExactly("Chile");
    assertThat(quakeStory.getEntities().get(0).getMentions()).isEqualTo(6);

    KeyValueStore<String, StoryState> store = driver.getKeyValueStore(StoryStores.STORY_STATE);
    assertThat(store.get(quakeStory.getStoryId()).getSnapshot().getVersion()).isEqualTo(3);
  }

  @Test
  void exactCopiesAreMarkedAsExactDuplicates() {
    EnrichedArticle original = quake("a1", "wire.example", signature(1), T0);
    EnrichedArticle copy = EnrichedArticle.newBuilder(original).setArticleId("a9").setSource("copy.example").build();
    send(original);
    send(copy);

    assertThat(assignments.readKeyValuesToMap().get("a9").getRole()).isEqualTo(ArticleRole.EXACT_DUPLICATE);
  }

  @Test
  void articlesWithDifferentWordingButTheSameSalientEntityAndTermsJoinAsNewReporting() {
    send(quake("a1", "wire.example", signature(1), T0));
    send(quake("a2", "other.example", signature(2), T0.plusSeconds(60)));

    ArticleAssignment second = assignments.readKeyValuesToMap().get("a2");
    assertThat(second.getStoryId()).isEqualTo(StoryIds.forFoundingArticle("a1"));
    assertThat(second.getRole()).isEqualTo(ArticleRole.NEW_REPORT);
  }

  @Test
  void storiesCloseAfterIdleStreamTimeAndClosedStoriesTakeNoNewArticles() {
    List<Integer> sig = signature(1);
    Instant afterIdle = T0.plus(settings.idleClose()).plus(Duration.ofDays(1));
    send(quake("a1", "wire.example", sig, T0));
    send(election("a2", afterIdle));
    send(quake("a3", "late.example", edit(sig, 4, 3), afterIdle.plusSeconds(1)));

    List<StoryEvent> out = events.readValuesToList();
    StoryEvent closed = out.stream().filter(e -> e.getType() == StoryEventType.STORY_CLOSED).findFirst().orElseThrow();
    assertThat(closed.getStoryId()).isEqualTo(StoryIds.forFoundingArticle("a1"));
    assertThat(closed.getEventTime()).isEqualTo(T0.plus(settings.idleClose()));
    assertThat(snapshots.readKeyValuesToMap().get(closed.getStoryId()).getStatus()).isEqualTo(StoryStatus.CLOSED);
    assertThat(assignments.readKeyValuesToMap().get("a3").getStoryId()).isEqualTo(StoryIds.forFoundingArticle("a3"));
  }

  /** An article about a topic no other article of a test shares. */
  static EnrichedArticle unrelated(String id, String topic, Instant time, long seed) {
    return article(id, "misc.example", topic + " report", time, "hash-" + id, signature(seed),
        terms(topic, "0.9", topic + "s", "0.4"), List.of(entity(topic + " Town", EntityType.LOCATION, 1.0)));
  }

  @Test
  void aCloseCheckClosesExactlyTheIdleStoriesInStoryIdOrderAndIndexesOnlyActiveOnes() {
    Instant check = T0.plus(settings.idleClose()).plus(Duration.ofDays(2));
    Instant idleBoundary = check.minus(settings.idleClose());
    // Given: three stories idle long enough at the check (one exactly at the boundary), one not quite
    send(unrelated("a1", "harvest", T0, 11));
    send(unrelated("b1", "chess", T0.plus(Duration.ofDays(1)), 12));
    send(unrelated("c1", "regatta", idleBoundary, 13));
    send(unrelated("d1", "opera", idleBoundary.plusMillis(1), 14));
    assertThat(events.readValuesToList()).extracting(StoryEvent::getType).containsOnly(StoryEventType.STORY_STARTED);

    // When: an article arrives past the next close check
    send(unrelated("e1", "glacier", check, 15));

    // Then: those three close, in story-id order, the fourth stays open and the index holds the open ones
    List<String> closed = events.readValuesToList().stream()
        .filter(e -> e.getType() == StoryEventType.STORY_CLOSED).map(StoryEvent::getStoryId).toList();
    assertThat(closed).containsExactlyElementsOf(
        Stream.of("a1", "b1", "c1").map(StoryIds::forFoundingArticle).sorted().toList());
    KeyValueStore<String, String> activity = driver.getKeyValueStore(StoryStores.STORY_ACTIVITY);
    List<String> indexed = new ArrayList<>();
    try (KeyValueIterator<String, String> all = activity.all()) {
      all.forEachRemaining(kv -> indexed.add(kv.value));
    }
    assertThat(indexed).containsExactly(StoryIds.forFoundingArticle("d1"), StoryIds.forFoundingArticle("e1"));
  }

  @Test
  void theSameInputGivesTheSameEventsInAFreshTopology() {
    List<EnrichedArticle> input = List.of(quake("a1", "w", signature(1), T0),
        quake("a2", "d", edit(signature(1), 10, 5), T0.plusSeconds(5)), election("a3", T0.plusSeconds(9)));
    input.forEach(this::send);
    List<StoryEvent> first = events.readValuesToList();
    driver.close();

    driver = newDriver(stateDir.resolve("b"));
    input.forEach(this::send);
    assertThat(events.readValuesToList()).isEqualTo(first).hasSize(4);
  }

  public static EnrichedArticle tsunami(String id, String source, List<Integer> sig, Instant time) {
    return article(id, source, "Tsunami warning issued", time, "hash-" + id, sig,
        terms("tsunami", "0.8", "warning", "0.5", "evacuation", "0.3"),
        List.of(entity("Hawaii", EntityType.LOCATION, 1.0)));
  }

  /** Reports both the earthquake and the tsunami in the same words as each: a bridge between the two stories. */
  public static EnrichedArticle quakeAndTsunami(String id, String source, List<Integer> sig, Instant time) {
    return article(id, source, "Earthquake hits coastal city, tsunami warning issued", time, "hash-" + id, sig,
        terms("earthquake", "0.8", "tsunami", "0.8", "coastal", "0.5", "warning", "0.5"),
        List.of(entity("Chile", EntityType.LOCATION, 1.0), entity("Hawaii", EntityType.LOCATION, 1.0)));
  }

  /**
   * Merges at 0.5 and joins from 0.5: the hand-made bridge scores about 1 against each story, near the shipped join
   * threshold, so these tests of merging pin their own rather than follow each refit.
   */
  static ClusteringSettings bridging() {
    return ClusteringSettings.defaults().withScoring(ClusteringSettings.DEFAULT_WEIGHTS, 0.5).withMergeThreshold(0.5);
  }

  void restartWith(ClusteringSettings changed) {
    driver.close();
    settings = changed;
    driver = newDriver(stateDir.resolve("merge-" + changed.mergeThreshold()));
  }

  @Test
  void anArticleBridgingTwoStoriesFoldsTheYoungerIntoTheOlder() {
    restartWith(bridging());
    String older = StoryIds.forFoundingArticle("q1");
    String younger = StoryIds.forFoundingArticle("t1");
    send(quake("q1", "wire.example", signature(1), T0));
    send(tsunami("t1", "daily.example", signature(2), T0.plusSeconds(60)));
    assertThat(assignments.readKeyValuesToMap()).extractingFromEntries(e -> e.getValue().getStoryId())
        .containsExactlyInAnyOrder(older, younger);
    events.readValuesToList();

    send(quakeAndTsunami("b1", "wire.example", signature(3), T0.plusSeconds(120)));

    List<StoryEvent> out = events.readValuesToList();
    assertThat(out).extracting(StoryEvent::getStoryId, StoryEvent::getType, StoryEvent::getSequence).containsExactly(
        tuple(younger, StoryEventType.STORY_CLOSED, 2L),
        tuple(older, StoryEventType.STORIES_MERGED, 2L),
        tuple(older, StoryEventType.ARTICLE_ADDED, 3L));
    assertThat(out.get(0).getMergedStoryIds()).containsExactly(older);
    assertThat(out.get(1).getMergedStoryIds()).containsExactly(younger);
    assertThat(out.get(1).getArticleId()).isEqualTo("b1");
    assertThat(out.get(1).getArticleCount()).isEqualTo(2);
    assertThat(out.get(1).getSources()).containsExactly("daily.example", "wire.example");
    assertThat(out.get(2).getArticleCount()).isEqualTo(3);

    List<KeyValue<String, ArticleAssignment>> moved = assignments.readKeyValuesToList();
    assertThat(moved).extracting(kv -> kv.key, kv -> kv.value.getStoryId())
        .containsExactly(tuple("t1", older), tuple("b1", older));
    Map<String, StorySnapshot> latest = snapshots.readKeyValuesToMap();
    assertThat(latest.get(younger).getStatus()).isEqualTo(StoryStatus.CLOSED);
    assertThat(latest.get(younger).getMergedInto()).isEqualTo(older);
    assertThat(latest.get(older).getArticles()).extracting(a -> a.getArticleId()).containsExactly("q1", "t1", "b1");
    assertThat(latest.get(older).getVersion()).isEqualTo(3);
    // The query tables hold the topics' record bytes.
    KeyValueStore<String, byte[]> queryable = driver.getKeyValueStore(StoryStores.STORY_SNAPSHOTS);
    Deserializer<StorySnapshot> snapshot = topics.storySnapshots().valueSerde().deserializer();
    assertThat(snapshot.deserialize("", queryable.get(younger)).getMergedInto()).isEqualTo(older);
    assertThat(snapshot.deserialize("", queryable.get(older)).getVersion()).isEqualTo(3);
    KeyValueStore<String, byte[]> byArticleStore = driver.getKeyValueStore(StoryStores.ARTICLE_ASSIGNMENTS);
    assertThat(topics.assignments().valueSerde().deserializer().deserialize("", byArticleStore.get("t1")).getStoryId())
        .isEqualTo(older);

    // Later articles of the absorbed story's kind land in the survivor, found through the absorbed story's postings.
    send(tsunami("t2", "third.example", edit(signature(2), 10, 9), T0.plusSeconds(180)));
    ArticleAssignment later = assignments.readKeyValuesToMap().get("t2");
    assertThat(later.getStoryId()).isEqualTo(older);
    assertThat(later.getRole()).isEqualTo(ArticleRole.NEAR_DUPLICATE);
    assertThat(events.readValuesToList()).extracting(StoryEvent::getStoryId, StoryEvent::getSequence)
        .containsExactly(tuple(older, 4L), tuple(older, 5L));
  }

  @Test
  void aClosedStoryAndTheStoryMergedIntoItLeaveNoStateBehind() {
    restartWith(bridging());
    String older = StoryIds.forFoundingArticle("q1");
    String younger = StoryIds.forFoundingArticle("t1");
    String other = StoryIds.forFoundingArticle("o1");
    // Given: two stories merged by a bridging article, then an unrelated story once they have been idle long
    send(quake("q1", "wire.example", signature(1), T0));
    send(tsunami("t1", "daily.example", signature(2), T0.plusSeconds(60)));
    send(quakeAndTsunami("b1", "wire.example", signature(3), T0.plusSeconds(120)));
    assertThat(storyIds(StoryStores.STORY_STATE)).containsExactlyInAnyOrder(older, younger);
    assertThat(memberArticles()).containsExactlyInAnyOrder("q1", "t1", "b1");

    Instant afterIdle = T0.plus(settings.idleClose()).plus(Duration.ofDays(1));
    send(unrelated("o1", "harvest", afterIdle, 11));

    // Then: the survivor closed, and neither it nor the story folded into it holds state, members
    // (postings and signatures) or an activity entry: only the open story does
    assertThat(events.readValuesToList()).filteredOn(e -> e.getType() == StoryEventType.STORY_CLOSED)
        .extracting(StoryEvent::getStoryId).containsExactly(younger, older);
    assertThat(storyIds(StoryStores.STORY_STATE)).containsExactly(other);
    assertThat(memberArticles()).containsExactly("o1");
    assertThat(storyIds(StoryStores.STORY_ACTIVITY)).hasSize(1);
    // And: a copy of a closed story's article finds nothing of it, and founds a story of its own
    send(quake("q2", "late.example", signature(1), afterIdle.plusSeconds(1)));
    assertThat(assignments.readKeyValuesToMap().get("q2").getStoryId()).isEqualTo(StoryIds.forFoundingArticle("q2"));
    // And: for late articles, the closed survivor is kept apart with all three articles until the horizon has passed
    assertThat(storyIds(StoryStores.RETIRED_STORIES)).containsExactly(older);
    assertThat(members(StoryStores.RETIRED_MEMBERS)).containsExactlyInAnyOrder(older + "=q1", older + "=t1", older + "=b1");
    assertThat(storyIds(StoryStores.RETIRED_BY_CLOSE)).hasSize(1);
    send(unrelated("o2", "chess", T0.plus(settings.idleClose()).plus(settings.lateHorizon()).plus(Duration.ofDays(1)), 12));
    assertThat(storyIds(StoryStores.RETIRED_STORIES)).doesNotContain(older, younger);
    assertThat(members(StoryStores.RETIRED_MEMBERS)).noneMatch(m -> m.startsWith(older + "="));
    assertThat(storyIds(StoryStores.RETIRED_BY_CLOSE)).noneMatch(k -> k.endsWith("/" + older));
  }

  @Test
  void aLateArticleJoinsTheStoryThatClosedWithinTheHorizonWhichStaysClosed() {
    List<Integer> sig = signature(1);
    String quakeStory = StoryIds.forFoundingArticle("a1");
    Instant afterIdle = T0.plus(settings.idleClose()).plus(Duration.ofDays(1));
    send(quake("a1", "wire.example", sig, T0));
    send(election("a2", afterIdle));
    // Late: a day into the quake story's life, two weeks behind the election, after the quake story closed
    send(quake("a3", "old.example", edit(sig, 8, 3), T0.plus(Duration.ofDays(1))));

    ArticleAssignment a3 = assignments.readKeyValuesToMap().get("a3");
    assertThat(a3.getStoryId()).isEqualTo(quakeStory);
    assertThat(a3.getLate()).isTrue();
    assertThat(events.readValuesToList()).filteredOn(e -> e.getStoryId().equals(quakeStory))
        .extracting(e -> e.getType() + (e.getArticleId() == null ? "" : " " + e.getArticleId() + " late=" + e.getLate()))
        .containsExactly("STORY_STARTED a1 late=false", "STORY_CLOSED", "ARTICLE_ADDED a3 late=true", "STORY_UPDATED");
    StorySnapshot quake = snapshots.readKeyValuesToMap().get(quakeStory);
    assertThat(quake.getStatus()).isEqualTo(StoryStatus.CLOSED);
    assertThat(quake.getArticleCount()).isEqualTo(2);
    assertThat(members(StoryStores.RETIRED_MEMBERS)).containsExactly(quakeStory + "=a1", quakeStory + "=a3");
    assertThat(memberArticles()).as("the live index holds only the open election story").containsExactly("a2");
  }

  @Test
  void pastTheHorizonALateArticleFoundsAStoryOfItsOwn() {
    List<Integer> sig = signature(1);
    send(quake("a1", "wire.example", sig, T0));
    Instant pastHorizon = T0.plus(settings.idleClose()).plus(settings.lateHorizon()).plus(Duration.ofDays(1));
    send(election("a2", pastHorizon));
    send(quake("a3", "old.example", edit(sig, 8, 3), T0.plus(Duration.ofDays(1))));

    ArticleAssignment a3 = assignments.readKeyValuesToMap().get("a3");
    assertThat(a3.getStoryId()).isEqualTo(StoryIds.forFoundingArticle("a3"));
    assertThat(a3.getLate()).isTrue();
    assertThat(storyIds(StoryStores.RETIRED_STORIES)).isEmpty();
    assertThat(members(StoryStores.RETIRED_MEMBERS)).isEmpty();
  }

  @Test
  void withAZeroHorizonLateArticlesFindOnlyActiveStories() {
    restartWith(ClusteringSettings.defaults().withLateHorizon(Duration.ZERO));
    List<Integer> sig = signature(1);
    send(quake("a1", "wire.example", sig, T0));
    send(election("a2", T0.plus(settings.idleClose()).plus(Duration.ofDays(1))));
    send(quake("a3", "old.example", edit(sig, 8, 3), T0.plus(Duration.ofDays(1))));

    assertThat(assignments.readKeyValuesToMap().get("a3").getStoryId()).isEqualTo(StoryIds.forFoundingArticle("a3"));
    assertThat(storyIds(StoryStores.RETIRED_STORIES)).isEmpty();
  }

  private List<String> members(String store) {
    List<String> ids = new ArrayList<>();
    KeyValueStore<String, StoryMember> members = driver.getKeyValueStore(store);
    try (KeyValueIterator<String, StoryMember> all = members.all()) {
      all.forEachRemaining(e -> ids.add(e.value.getIndexedStoryId() + "=" + e.value.getArticleId()));
    }
    return ids;
  }

  private List<String> storyIds(String store) {
    List<String> keys = new ArrayList<>();
    KeyValueStore<String, Object> kv = driver.getKeyValueStore(store);
    try (KeyValueIterator<String, Object> all = kv.all()) {
      all.forEachRemaining(e -> keys.add(e.key));
    }
    return keys;
  }

  private List<String> memberArticles() {
    List<String> ids = new ArrayList<>();
    KeyValueStore<String, StoryMember> members = driver.getKeyValueStore(StoryStores.STORY_MEMBERS);
    try (KeyValueIterator<String, StoryMember> all = members.all()) {
      all.forEachRemaining(e -> ids.add(e.value.getArticleId()));
    }
    return ids;
  }

  @Test
  void withoutABridgeAboveTheMergeThresholdStoriesStaySeparate() {
    restartWith(bridging().withMergeThreshold(Double.POSITIVE_INFINITY));
    send(quake("q1", "wire.example", signature(1), T0));
    send(tsunami("t1", "daily.example", signature(2), T0.plusSeconds(60)));
    send(quakeAndTsunami("b1", "wire.example", signature(3), T0.plusSeconds(120)));

    assertThat(events.readValuesToList()).extracting(StoryEvent::getType)
        .doesNotContain(StoryEventType.STORIES_MERGED, StoryEventType.STORY_CLOSED);
    Map<String, ArticleAssignment> byArticle = assignments.readKeyValuesToMap();
    assertThat(byArticle.get("t1").getStoryId()).isEqualTo(StoryIds.forFoundingArticle("t1"));
    assertThat(byArticle.get("b1").getStoryId()).isIn(StoryIds.forFoundingArticle("q1"), StoryIds.forFoundingArticle("t1"));
  }

  @Test
  void mergesGiveTheSameEventsInAFreshTopology() {
    restartWith(bridging());
    List<EnrichedArticle> input = List.of(quake("q1", "wire.example", signature(1), T0),
        tsunami("t1", "daily.example", signature(2), T0.plusSeconds(60)),
        quakeAndTsunami("b1", "wire.example", signature(3), T0.plusSeconds(120)),
        tsunami("t2", "third.example", edit(signature(2), 10, 9), T0.plusSeconds(180)));
    input.forEach(this::send);
    List<StoryEvent> first = events.readValuesToList();
    Map<String, ArticleAssignment> firstAssignments = assignments.readKeyValuesToMap();
    driver.close();

    driver = newDriver(stateDir.resolve("again"));
    input.forEach(this::send);
    assertThat(events.readValuesToList()).isEqualTo(first).extracting(StoryEvent::getType)
        .contains(StoryEventType.STORIES_MERGED);
    assertThat(assignments.readKeyValuesToMap()).isEqualTo(firstAssignments);
  }

  @Test
  void shardsSharingATaskNeverShareStories() {
    // The test driver runs every shard in one task, as two languages hashed to one partition would be.
    List<Integer> sig = signature(1);
    EnrichedArticle english = quake("en1", "wire.example", sig, T0);
    EnrichedArticle german = EnrichedArticle.newBuilder(quake("de1", "wire.example", sig, T0.plusSeconds(60)))
        .setFingerprints(english.getFingerprints()).setLanguage("de").build();
    send(english);
    send(german);
    send(quake("en2", "daily.example", edit(sig, 12, 7), T0.plusSeconds(120)));

    Map<String, ArticleAssignment> byArticle = assignments.readKeyValuesToMap();
    assertThat(byArticle.get("de1").getStoryId()).isEqualTo(StoryIds.forFoundingArticle("de1"));
    assertThat(byArticle.get("de1").getShard()).isEqualTo("de");
    assertThat(byArticle.get("en2").getStoryId()).isEqualTo(StoryIds.forFoundingArticle("en1"));
  }

  @Test
  void anArticleLaterThanTheGraceIsStillAssignedAndSaysItWasLate() {
    List<Integer> sig = signature(1);
    Instant now = T0.plus(Duration.ofDays(2));
    send(quake("a1", "wire.example", sig, now));
    send(quake("a2", "daily.example", edit(sig, 8, 2), now.minus(Duration.ofHours(20))));
    send(quake("a3", "old.example", edit(sig, 8, 3), now.minus(Duration.ofHours(25))));
    send(election("a4", now.plusSeconds(1)));

    String quakeStory = StoryIds.forFoundingArticle("a1");
    Map<String, ArticleAssignment> byArticle = assignments.readKeyValuesToMap();
    assertThat(byArticle.get("a2").getStoryId()).isEqualTo(quakeStory);
    assertThat(byArticle.get("a3").getStoryId()).as("a near-duplicate of an active story, a day late").isEqualTo(quakeStory);
    assertThat(byArticle).extractingFromEntries(e -> e.getKey() + "=" + e.getValue().getLate())
        .containsExactlyInAnyOrder("a1=false", "a2=false", "a3=true", "a4=false");
    assertThat(events.readValuesToList()).filteredOn(e -> e.getArticleId() != null)
        .extracting(e -> e.getArticleId() + "=" + e.getLate())
        .containsExactly("a1=false", "a2=false", "a3=true", "a4=false");
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(snapshots.readKeyValuesToMap().get(quakeStory).getArticles())
        .extracting(a -> a.getArticleId()).containsExactly("a1", "a2", "a3");
  }

  @Test
  void theLateGraceIsASetting() {
    restartWith(ClusteringSettings.defaults().withLateGrace(Duration.ofDays(2)));
    send(quake("a1", "wire.example", signature(1), T0.plus(Duration.ofDays(2))));
    send(quake("a3", "old.example", edit(signature(1), 8, 3), T0.plus(Duration.ofDays(2)).minus(Duration.ofHours(25))));

    ArticleAssignment a3 = assignments.readKeyValuesToMap().get("a3");
    assertThat(a3.getStoryId()).isEqualTo(StoryIds.forFoundingArticle("a1"));
    assertThat(a3.getLate()).as("25 hours behind, within a grace of 2 days").isFalse();
  }
}
