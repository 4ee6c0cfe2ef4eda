package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.enrich.EnrichTopology;
import io.newsflow.platform.TestTopics;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.StoryEvent;
import io.newsflow.schemas.avro.StoryEventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What a pipeline run left in its topics (read committed), and the promises a fault must not break:
 * every raw article enriched once (or dead-lettered by enrich), every enriched article assigned once
 * (a late one too, marked late), no aggregate dead letter for valid articles,
 * story versions 1..n without gaps or repeats, and, against a fault-free run, the same story events.
 */
record PipelineOutcome(Map<String, Integer> rawCount, Map<String, Integer> enrichedCount, Set<String> enrichDeadLetterKeys,
                       Set<String> aggregateDeadLetterKeys, Set<String> lateArticles,
                       Map<String, List<StoryEvent>> eventsByStory, Map<String, List<byte[]>> eventBytesByStory) {

  static PipelineOutcome read(NewsflowConfig config, Topics topics) {
    Map<String, Integer> raw = new TreeMap<>();
    TestTopics.readAll(config, topics.raw().name(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer())
        .forEach(r -> raw.merge(r.key(), 1, Integer::sum));
    Map<String, Integer> enriched = new TreeMap<>();
    for (ConsumerRecord<String, EnrichedArticle> r : TestTopics.readAll(config, topics.enriched().name(),
        Serdes.String().deserializer(), topics.enriched().valueSerde().deserializer())) {
      if (r.value() == null) {
        continue;   // enrich's progress records (ADR 31)
      }
      enriched.merge(r.value().getArticleId(), 1, Integer::sum);
    }
    Set<String> deadLetters = new TreeSet<>();
    Set<String> aggregateDeadLetters = new TreeSet<>();
    for (var r : TestTopics.readAll(config, topics.deadLetter().name(), Serdes.String().deserializer(),
        topics.deadLetter().valueSerde().deserializer())) {
      if (r.value().getStage().equals(EnrichTopology.STAGE)) {
        deadLetters.add(r.key());
      } else if (r.value().getStage().equals(AggregateTopology.STAGE)) {
        aggregateDeadLetters.add(r.key() + ": " + r.value().getReason());
      }
    }
    Map<String, List<StoryEvent>> events = new TreeMap<>();
    Map<String, List<byte[]>> bytes = new TreeMap<>();
    Set<String> late = new TreeSet<>();
    var decoder = topics.storyEvents().valueSerde().deserializer();
    for (ConsumerRecord<String, byte[]> r : TestTopics.readAll(config, topics.storyEvents().name(),
        Serdes.String().deserializer(), Serdes.ByteArray().deserializer())) {
      StoryEvent event = decoder.deserialize(r.topic(), r.value());
      events.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(event);
      bytes.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value());
      if (event.getLate()) {
        late.add(event.getArticleId());
      }
    }
    return new PipelineOutcome(raw, enriched, deadLetters, aggregateDeadLetters, late, events, bytes);
  }

  int rawArticles() {
    return rawCount.size();
  }

  void assertConsistent(int minimumArticles) {
    assertThat(rawArticles()).isGreaterThanOrEqualTo(minimumArticles);
    assertThat(rawCount).as("raw records per article id").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    assertThat(enrichedCount).as("enriched records per article id").allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    Set<String> accounted = new TreeSet<>(enrichedCount.keySet());
    accounted.addAll(enrichDeadLetterKeys);
    assertThat(accounted).as("raw articles enriched or dead-lettered by enrich").isEqualTo(rawCount.keySet());
    assertThat(enrichDeadLetterKeys).as("articles both enriched and dead-lettered").doesNotContainAnyElementsOf(enrichedCount.keySet());
    Map<String, Integer> joined = new HashMap<>();
    eventsByStory.forEach((story, events) -> {
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i).getSequence()).as("version %d of %s", i + 1, story).isEqualTo(i + 1);
      }
      events.stream().filter(e -> e.getType() == StoryEventType.STORY_STARTED
              || e.getType() == StoryEventType.ARTICLE_ADDED)
          .forEach(e -> joined.merge(e.getArticleId().toString(), 1, Integer::sum));
    });
    assertThat(joined.values()).as("assignments per article").containsOnly(1);
    assertThat(aggregateDeadLetterKeys).as("aggregate dead letters of valid articles").isEmpty();
    assertThat(joined.keySet()).as("enriched articles assigned").isEqualTo(enrichedCount.keySet());
  }

  void assertSameStoriesAs(PipelineOutcome reference) {
    assertThat(lateArticles).as("late articles").isEqualTo(reference.lateArticles());
    assertThat(eventBytesByStory.keySet()).as(() -> firstDifferences(reference))
        .isEqualTo(reference.eventBytesByStory().keySet());
    eventBytesByStory.forEach((story, events) -> {
      List<byte[]> expected = reference.eventBytesByStory().get(story);
      assertThat(events).as("events of %s", story).hasSameSizeAs(expected);
      for (int i = 0; i < events.size(); i++) {
        assertThat(events.get(i)).as("event %d of %s", i + 1, story).isEqualTo(expected.get(i));
      }
    });
  }

  /** The earliest stories, by first event time, that only one of the two runs has: where to start looking. */
  private String firstDifferences(PipelineOutcome reference) {
    List<String> lines = new ArrayList<>();
    for (PipelineOutcome[] pair : new PipelineOutcome[][] {{this, reference}, {reference, this}}) {
      List<StoryEvent> firsts = pair[0].eventsByStory().entrySet().stream()
          .filter(e -> !pair[1].eventsByStory().containsKey(e.getKey()))
          .map(e -> e.getValue().get(0))
          .sorted(Comparator.comparing(StoryEvent::getEventTime).thenComparing(e -> e.getStoryId().toString()))
          .toList();
      lines.add(String.format("%d stories only in the %s run; earliest: %s", firsts.size(),
          pair[0] == this ? "checked" : "reference",
          firsts.stream().limit(5).map(e -> e.getStoryId() + " (" + e.getArticleId() + " at " + e.getEventTime() + ")")
              .toList()));
    }
    return String.join("; ", lines);
  }

  String summary() {
    return String.format("%d raw articles, %d enriched, %d enrich dead letters, %d late articles (assigned), %d stories,"
            + " %d story events", rawArticles(), enrichedCount.size(), enrichDeadLetterKeys.size(), lateArticles.size(),
        eventBytesByStory.size(),
        eventBytesByStory.values().stream().mapToInt(List::size).sum());
  }
}
