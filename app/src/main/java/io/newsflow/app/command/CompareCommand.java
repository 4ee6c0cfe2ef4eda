package io.newsflow.app.command;

import io.newsflow.app.ExitCodes;
import io.newsflow.app.UsageProblem;
import io.newsflow.app.options.ClusterOptions;
import io.newsflow.app.stories.StoryComparison;
import io.newsflow.app.stories.StoryMembership;
import io.newsflow.platform.config.NewsflowConfig;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow compare}: how two story outputs differ, to judge a reprocessed version before promoting it. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compares two story outputs (story snapshots or article assignments topics, e.g. the live one and a",
        "reprocessed version): stories identical, split, merged, articles moved, and B-cubed of B against A."})
public final class CompareCommand implements Callable<Integer> {
  @Mixin ClusterOptions cluster;

  @Option(names = "--topic-a", required = true, paramLabel = "TOPIC", description = "The reference output (e.g. the live one).")
  String topicA;

  @Option(names = "--topic-b", required = true, paramLabel = "TOPIC", description = "The output to judge against it.")
  String topicB;

  @Option(names = "--examples", paramLabel = "N", defaultValue = "10", description = "Splits and merges listed (default ${DEFAULT-VALUE}).")
  int examples;

  private final PrintStream out;

  public CompareCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    if (examples < 0) {
      throw new UsageProblem("--examples must be 0 or more, got " + examples);
    }
    NewsflowConfig config = cluster.load();
    if (config.get(NewsflowConfig.BOOTSTRAP_SERVERS).isEmpty() || config.get(NewsflowConfig.SCHEMA_REGISTRY_URL).isEmpty()) {
      throw new UsageProblem("--bootstrap-servers and --schema-registry-url are required (or their settings)");
    }
    try (Admin admin = Admin.create(config.kafkaClientProperties())) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      for (String topic : new String[] {topicA, topicB}) {
        if (!existing.contains(topic)) {
          throw new UsageProblem("no such topic: " + topic);
        }
      }
    }
    HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(config.require(NewsflowConfig.SCHEMA_REGISTRY_URL));
    StoryMembership a = StoryMembership.read(config.kafkaClientProperties(), registry, topicA);
    StoryMembership b = StoryMembership.read(config.kafkaClientProperties(), registry, topicB);
    print(StoryComparison.of(a.storyOf(), b.storyOf()), a, b);
    return ExitCodes.OK;
  }

  private void print(StoryComparison c, StoryMembership a, StoryMembership b) {
    out.printf("a: %s (%s): %d articles in %d stories%n", topicA, a.kind(), c.articlesInA(), c.storiesInA());
    out.printf("b: %s (%s): %d articles in %d stories%n", topicB, b.kind(), c.articlesInB(), c.storiesInB());
    out.printf("articles only in a: %d, only in b: %d%n", c.articlesOnlyInA(), c.articlesOnlyInB());
    out.printf("stories identical: %d, split: %d, merged: %d, only in a: %d, only in b: %d%n", c.identical(),
        c.splits().size(), c.merges().size(), c.storiesOnlyInA(), c.storiesOnlyInB());
    out.printf("articles moved: %d%n", c.movedArticles());
    c.splits().stream().limit(examples).forEach(s ->
        out.printf("split: %s (%d articles) -> %s%n", label(s.storyA(), a), s.articles(), counts(s.toB(), b)));
    c.merges().stream().limit(examples).forEach(m ->
        out.printf("merged: %s (%d articles) <- %s%n", label(m.storyB(), b), m.articles(), counts(m.fromA(), a)));
    out.printf(Locale.ROOT, "b-cubed of b against a: precision %.4f recall %.4f f1 %.4f%n",
        c.scores().bcubedPrecision(), c.scores().bcubedRecall(), c.scores().bcubedF1());
  }

  private static String counts(Map<String, Integer> stories, StoryMembership side) {
    return stories.entrySet().stream().map(e -> label(e.getKey(), side) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String label(String storyId, StoryMembership side) {
    String headline = side.headlines().get(storyId);
    return headline == null ? storyId : storyId + " \"" + headline + "\"";
  }
}
