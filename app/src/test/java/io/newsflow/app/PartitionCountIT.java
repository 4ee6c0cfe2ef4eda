package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.platform.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: the stories do not depend on the partition count. {@code newsflow run} on BBC News, as a user runs it,
 * by default and with {@code --partitions 3}, each with its own broker: the printed stories are identical.
 * (Reuters at 3 partitions against the default is {@code CrashConsistencyIT}'s comparison, under faults.)
 */
class PartitionCountIT {
  @TempDir Path dir;

  record Run(int exit, String stories, String errors) {}

  Run run(String name, String... extra) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("run", "--input", SharedData.path("bbc-news-2225").toString(),
        "--exit-when-idle", "--data-dir", dir.resolve(name).toString()));
    args.addAll(List.of(extra));
    int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void threePartitionsPrintTheStoriesOfTheDefaultRun() {
    Run standard = run("default");
    Run three = run("three", "--partitions", "3");

    assertThat(standard.errors()).contains("partitions: 2");
    assertThat(three.errors()).contains("partitions: 3");
    List<String> stories = standard.stories().lines().filter(l -> !l.isBlank()).toList();
    assertThat(stories).as(standard.errors()).hasSizeGreaterThan(300);
    assertThat(three.stories().lines().filter(l -> !l.isBlank()).toList()).as(three.errors()).isEqualTo(stories);
    assertThat(three.exit()).isEqualTo(standard.exit());
  }
}
