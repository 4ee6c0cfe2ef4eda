package io.newsflow.aggregate.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.aggregate.StoryStores;
import io.newsflow.schemas.Topic;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EntityRef;
import io.newsflow.schemas.avro.StorySnapshot;
import io.newsflow.schemas.serde.UnreadableRecordException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers story queries from whichever instance is asked. A look-up by key goes to the instance that
 * owns the key's partition (Kafka Streams metadata, {@code application.server}): answered here when
 * that is this instance, else forwarded over HTTP once. A search asks every instance for its own
 * stories and merges them. Forwarded requests carry {@link #FORWARDED} and are never forwarded again.
 */
public final class StoryQueries {
  /** Header of a request one instance sends another: answer from your own stores only. */
  public static final String FORWARDED = "X-Newsflow-Forwarded";
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Comparator<Map<String, Object>> NEWEST_FIRST = Comparator
      .comparing((Map<String, Object> m) -> Instant.parse((String) m.get("updatedAt"))).reversed()
      .thenComparing(m -> (String) m.get("storyId"));

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private volatile KafkaStreams streams;
  private volatile HostInfo self;
  private volatile Topics topics;

  /**
   * Starts answering from {@code streams}, whose {@code application.server} is {@code self}. The
   * query tables hold their topics' record bytes (ADR 26); {@code topics} decodes them.
   */
  public void bind(KafkaStreams streams, HostInfo self, Topics topics) {
    this.self = self;
    this.topics = topics;
    this.streams = streams;
  }

  /** {@code GET /stories/{id}}: the story's latest snapshot. */
  public QueryAnswer story(String storyId, boolean forwarded) {
    return byKey(StoryStores.STORY_SNAPSHOTS, storyId, "/stories/" + encode(storyId), forwarded,
        bytes -> StoryViews.story(decode(topics.storySnapshots(), bytes)), "no story " + storyId);
  }

  /** {@code GET /articles/{id}/story}: the article's assignment (its story, role and score). */
  public QueryAnswer storyOfArticle(String articleId, boolean forwarded) {
    return byKey(StoryStores.ARTICLE_ASSIGNMENTS, articleId, "/articles/" + encode(articleId) + "/story", forwarded,
        bytes -> StoryViews.assignment(decode(topics.assignments(), bytes)), "no article " + articleId);
  }

  /**
   * {@code GET /stories?entity=&since=&limit=}: stories naming {@code entity} (any type, case ignored;
   * null for any) updated at or after {@code since} (null for any time), newest first, at most
   * {@code limit}. Stories folded into others are left out: their articles are in the survivor.
   */
  public QueryAnswer stories(String entity, Instant since, int limit, boolean localOnly) {
    KafkaStreams running = streams;
    if (running == null) {
      return unavailable("the story topology is starting");
    }
    Collection<StreamsMetadata> holders = running.streamsMetadataForStore(StoryStores.STORY_SNAPSHOTS);
    List<Map<String, Object>> found = new ArrayList<>();
    // An instance with more instances than partitions beside it may hold none of the stories.
    if (localOnly || holders.stream().anyMatch(h -> h.hostInfo().equals(self))) {
      try {
        found.addAll(localMatches(running, entity, since, limit));
      } catch (InvalidStateStoreException e) {
        return unavailable("stories are being moved between instances, retry: " + e.getMessage());
      } catch (UnreadableRecordException e) {
        return unreadable(e);
      }
    }
    if (!localOnly) {
      String query = "/stories?limit=" + limit + (entity == null ? "" : "&entity=" + encode(entity))
          + (since == null ? "" : "&since=" + encode(since.toString()));
      for (StreamsMetadata instance : holders) {
        if (instance.hostInfo().equals(self)) {
          continue;
        }
        QueryAnswer remote = forward(instance.hostInfo(), query);
        if (remote.status() != 200) {
          return remote;
        }
        found.addAll(storiesOf(remote.json()));
      }
    }
    found.sort(NEWEST_FIRST);
    List<Map<String, Object>> page = found.subList(0, Math.min(limit, found.size()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("count", page.size());
    body.put("stories", page);
    return answer(200, body);
  }

  private List<Map<String, Object>> localMatches(KafkaStreams running, String entity, Instant since, int limit) {
    ReadOnlyKeyValueStore<String, byte[]> store = running.store(StoreQueryParameters.fromNameAndType(
        StoryStores.STORY_SNAPSHOTS, QueryableStoreTypes.<String, byte[]>keyValueStore()));
    List<Map<String, Object>> found = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, byte[]> next = all.next();
        StorySnapshot s = next.value == null ? null : decode(topics.storySnapshots(), next.value);
        if (s != null && s.getMergedInto() == null && (since == null || !s.getUpdatedAt().isBefore(since))
            && (entity == null || names(s, entity))) {
          found.add(StoryViews.summary(s));
        }
      }
    }
    found.sort(NEWEST_FIRST);
    return found.subList(0, Math.min(limit, found.size()));
  }

  private static boolean names(StorySnapshot s, String entity) {
    for (EntityRef e : s.getEntities()) {
      if (e.getName().equalsIgnoreCase(entity)) {
        return true;
      }
    }
    return false;
  }

  private QueryAnswer byKey(String store, String key, String path, boolean forwarded,
                            Function<byte[], Map<String, Object>> view, String missing) {
    KafkaStreams running = streams;
    if (running == null) {
      return unavailable("the story topology is starting");
    }
    KeyQueryMetadata owner = running.queryMetadataForKey(store, key, Serdes.String().serializer());
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      return unavailable("no instance owns " + store + " for this key yet (rebalancing), retry");
    }
    if (!forwarded && !owner.activeHost().equals(self)) {
      return forward(owner.activeHost(), path);
    }
    try {
      ReadOnlyKeyValueStore<String, byte[]> local = running.store(StoreQueryParameters
          .fromNameAndType(store, QueryableStoreTypes.<String, byte[]>keyValueStore()).withPartition(owner.partition()));
      byte[] value = local.get(key);
      return value == null ? answer(404, StoryViews.error(missing)) : answer(200, view.apply(value));
    } catch (InvalidStateStoreException e) {
      return unavailable("partition " + owner.partition() + " of " + store + " is not queryable here now, retry: "
          + e.getMessage());
    } catch (UnreadableRecordException e) {
      return unreadable(e);
    }
  }

  private static <V> V decode(Topic<String, V> topic, byte[] bytes) {
    return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
  }

  /** Only aggregate writes these topics, so this means a bug or a foreign writer: say which record. */
  private static QueryAnswer unreadable(UnreadableRecordException e) {
    return answer(500, StoryViews.error("a stored record cannot be read: " + e.getMessage()));
  }

  private QueryAnswer forward(HostInfo host, String pathAndQuery) {
    String authority = (host.host().contains(":") ? "[" + host.host() + "]" : host.host()) + ":" + host.port();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + authority + pathAndQuery))
        .header(FORWARDED, "1").timeout(Duration.ofSeconds(10)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new QueryAnswer(response.statusCode(), response.body());
    } catch (IOException e) {
      return answer(502, StoryViews.error("instance " + authority + " did not answer: " + e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unavailable("interrupted while asking instance " + authority);
    }
  }

  private static List<Map<String, Object>> storiesOf(String json) {
    try {
      Map<String, Object> body = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> stories = (List<Map<String, Object>>) body.get("stories");
      return stories == null ? List.of() : stories;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("another instance answered invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static QueryAnswer unavailable(String why) {
    return answer(503, StoryViews.error(why));
  }

  private static QueryAnswer answer(int status, Map<String, Object> body) {
    try {
      return new QueryAnswer(status, JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
