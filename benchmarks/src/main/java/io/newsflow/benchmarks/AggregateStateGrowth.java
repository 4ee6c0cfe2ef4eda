package io.newsflow.benchmarks;

import io.newsflow.aggregate.AggregateTopology;
import io.newsflow.aggregate.StoryStores;
import io.newsflow.schemas.TopicNames;
import io.newsflow.schemas.Topics;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.registry.InMemorySchemaRegistry;
import io.newsflow.schemas.serde.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * How the aggregate's cost and state grow over a long replay: synthetic enriched articles (the
 * {@link AssignmentCapacity} generator) 20 s apart in event time, as a steady feed of about 4,300 a day,
 * so after the idle close stories close about as fast as they start. They are piped through the real
 * {@link AggregateTopology} with its RocksDB stores in a {@link TopologyTestDriver} (which commits, and so
 * flushes the record caches, after every record). Every slice prints the CPU per article of that slice
 * and the on-disk size of each of the aggregate's stores. Flat sizes and CPU mean state is bounded by
 * what is active.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar io.newsflow.benchmarks.AggregateStateGrowth [N] [slice]}.
 */
public final class AggregateStateGrowth {
  static final long SPACING_MILLIS = 20_000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  static final List<String> STORES = List.of(StoryStores.STORY_STATE, StoryStores.STORY_MEMBERS,
      StoryStores.STORY_ACTIVITY, StoryStores.DOCUMENT_WINDOW, StoryStores.STORY_PROGRESS,
      StoryStores.SOURCE_ORDER_BUFFER, StoryStores.SOURCE_ORDER_PROGRESS);

  public static void main(String[] args) throws IOException {
    AvroTrust.trustGeneratedClasses();
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int slice = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path stateDir = Files.createTempDirectory("aggregate-state-growth");
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    Topics topics = new Topics(TopicNames.defaults(), 1, registry);
    AssignmentCapacity articles = new AssignmentCapacity(SPACING_MILLIS);
    try (TopologyTestDriver driver = AggregateCpuRate.driver(topics, registry, stateDir)) {
      TestInputTopic<String, EnrichedArticle> input = driver.createInputTopic(topics.enriched().name(),
          topics.enriched().keySerde().serializer(), topics.enriched().valueSerde().serializer());
      long cpu = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < total; i++) {
        EnrichedArticle article = articles.next(i);
        input.pipeInput(article.getArticleId(), article, article.getEventTime());
        if (i % 1000 == 999) {
          // The driver keeps every record it produced, changelogs included, until read: drop them, only
          // the stores are measured.
          for (String topic : driver.producedTopicNames()) {
            driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer()).readRecordsToList();
          }
        }
        if ((i + 1) % slice == 0) {
          double cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / slice;
          System.gc(); // heap in use after a collection, outside the CPU measured
          StringBuilder sizes = new StringBuilder();
          for (String store : STORES) {
            sizes.append(String.format(Locale.ROOT, " %s %.1f MB;", store, size(stateDir, store) / 1e6));
          }
          System.out.printf(Locale.ROOT, "%,d articles: last %,d at %.0f µs of CPU each; event time %s; heap %,d MB;%s%n",
              i + 1, slice, cpuMicros, article.getEventTime(),
              (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20, sizes);
          cpu = THREADS.getCurrentThreadCpuTime();
        }
      }
    }
  }

  /** Bytes of every file under the store's directories, wherever the driver's task put them. */
  private static long size(Path stateDir, String store) {
    try (Stream<Path> paths = Files.walk(stateDir)) {
      return paths.filter(p -> p.getParent() != null && p.toString().contains("/" + store + "/"))
          .filter(Files::isRegularFile).mapToLong(p -> {
            try {
              return Files.size(p);
            } catch (IOException e) {
              return 0;
            }
          }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
