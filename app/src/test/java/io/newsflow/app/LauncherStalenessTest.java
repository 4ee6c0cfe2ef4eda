package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real {@code newsflow} launcher script, run in a copy of the repository's layout with a fake {@code mvnw} that
 * only records it was called and a fake {@code java}: when it rebuilds and when it does not.
 */
class LauncherStalenessTest {
  private static final Path SCRIPT = Path.of("..", "newsflow").toAbsolutePath().normalize();
  /** When the jar was built; sources are older, build outputs newer. */
  private static final Instant BUILT = Instant.now().minus(Duration.ofHours(1));

  @TempDir Path root;

  @BeforeEach
  void builtRepository() throws IOException {
    Files.copy(SCRIPT, root.resolve("newsflow"), StandardCopyOption.COPY_ATTRIBUTES);
    executable(root.resolve("mvnw"), "#!/bin/sh\ntouch mvnw-called\n");
    executable(root.resolve("bin/java"), "#!/bin/sh\ntouch \"$(dirname \"$0\")/../java-called\"\n");
    for (String source : new String[] {"pom.xml", "app/pom.xml", "app/src/main/java/io/newsflow/app/Newsflow.java",
        "app/src/main/resources/log4j2.xml", "schemas/src/main/avro/article.avsc"}) {
      file(source, BUILT.minus(Duration.ofHours(1)));
    }
    file("app/target/newsflow-app.jar", BUILT);
    Files.createDirectories(root.resolve("app/target/lib"));
  }

  @Test
  void builtAndUnchangedItDoesNotRebuild() throws Exception {
    assertThat(rebuilds()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "schemas/target/generated-sources/avro/io/newsflow/schemas/Article.java",
      "app/target/generated-sources/annotations/X.java",
      "aggregate/target/generated-test-sources/test-annotations/Y.java",
      "benchmarks/target/generated-sources/annotations/jmh_generated/B_jmhTest.java",
      ".newsflow/state/copy/pom.xml",
      "examples/web/node_modules/react-native/ReactAndroid/src/main/java/Bridge.java",
      "app/src/test/java/io/newsflow/app/SomeTest.java",
      "app/src/test/compose-lint/node_modules/dclint/pom.xml",
      ".git/rebase-apply/Patched.java"})
  void aBuildOutputOrStateNewerThanTheJarIsNoChange(String notASource) throws Exception {
    file(notASource, BUILT.plus(Duration.ofMinutes(10)));

    assertThat(rebuilds()).as("rebuilds for a newer %s", notASource).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ingest/src/main/java/io/newsflow/ingest/FeedIngest.java",
      "app/src/main/java/io/newsflow/app/Newsflow.java",
      "schemas/src/main/avro/article.avsc",
      "app/src/main/resources/log4j2.xml",
      "pom.xml",
      "enrich/pom.xml"})
  void aSourceNewerThanTheJarRebuilds(String source) throws Exception {
    file(source, BUILT.plus(Duration.ofMinutes(10)));

    assertThat(rebuilds()).as("rebuilds for a newer %s", source).isTrue();
  }

  @Test
  void aMissingJarRebuilds() throws Exception {
    Files.delete(root.resolve("app/target/newsflow-app.jar"));

    assertThat(rebuilds()).as("rebuilds without the jar").isTrue();
  }

  @Test
  void aMissingLibRebuilds() throws Exception {
    Files.delete(root.resolve("app/target/lib"));

    assertThat(rebuilds()).as("rebuilds without lib/").isTrue();
  }

  /** Maven leaves an up-to-date jar as it is (as the fake mvnw does): one rebuild for the change, not one per call. */
  @Test
  void aSecondCallAfterABuildThatLeftTheJarAsItWasDoesNotRebuild() throws Exception {
    file("benchmarks/src/main/java/io/newsflow/benchmarks/AssignmentBenchmark.java", BUILT.plus(Duration.ofMinutes(10)));

    assertThat(rebuilds()).as("first call").isTrue();
    assertThat(rebuilds()).as("second call").isFalse();
  }

  /** Runs {@code ./newsflow --help}; whether it called mvnw. It always ends in java. */
  private boolean rebuilds() throws Exception {
    Path called = root.resolve("mvnw-called");
    Path ranJava = root.resolve("java-called");
    Files.deleteIfExists(called);
    Files.deleteIfExists(ranJava);
    ProcessBuilder builder = new ProcessBuilder(root.resolve("newsflow").toString(), "--help")
        .directory(root.toFile()).redirectErrorStream(true);
    builder.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
    Process launcher = builder.start();
    String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    assertThat(launcher.exitValue()).as("exit code; output: %s", output).isZero();
    assertThat(ranJava).as("java ran; output: %s", output).exists();
    return Files.exists(called);
  }

  private void file(String relative, Instant modified) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
    Files.setLastModifiedTime(file, FileTime.from(modified));
  }

  private static void executable(Path file, String script) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, script);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
