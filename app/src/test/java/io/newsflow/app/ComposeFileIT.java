package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker-compose.yml} checked without a Docker engine: against the current compose
 * specification (dclint, installed by the build from {@code src/test/compose-lint}) and the legacy
 * schema (Debian's {@code docker-compose}, installed by {@code .ci/run}); each validator is shown to
 * reject a broken copy. Then what the schema cannot know: health checks and start conditions, the
 * newsflow commands and flags the services run, and Prometheus scraping each service.
 */
class ComposeFileIT {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
  static final Path DCLINT = Path.of("src/test/compose-lint/node_modules/.bin/dclint").toAbsolutePath();
  static final Path DOCKER_COMPOSE = Path.of("/usr/bin/docker-compose");
  static final List<String> SERVICES = List.of("ingest", "enrich", "aggregate");

  @TempDir Path dir;

  /** A finished process: exit code, standard output and standard error. */
  record Run(int exit, String stdout, String stderr) {
    String output() {
      return stdout + stderr;
    }
  }

  @Test
  void dclintAcceptsTheFileAgainstTheComposeSpecificationAndRejectsABrokenCopy() throws Exception {
    assertThat(DCLINT).as("dclint is installed by the build's npm ci (src/test/compose-lint)").isExecutable();
    Run lint = run(ROOT, DCLINT.toString(), "--quiet", "--color=false", COMPOSE.toString());
    assertThat(lint.exit()).as(lint.output()).isZero();

    Run broken = run(ROOT, DCLINT.toString(), "--quiet", "--color=false", brokenCopy().toString());
    assertThat(broken.exit()).isNotZero();
    assertThat(broken.output()).contains("invalid-schema");
  }

  @Test
  void legacyDockerComposeAcceptsTheFileAndRejectsABrokenCopy() throws Exception {
    assertThat(DOCKER_COMPOSE).as("Debian's docker-compose is needed: apt-get install -y docker-compose (see .ci/run)")
        .isExecutable();
    Run config = run(ROOT, DOCKER_COMPOSE.toString(), "-f", COMPOSE.toString(), "config", "-q");
    assertThat(config.exit()).as(config.output()).isZero();

    Run broken = run(ROOT, DOCKER_COMPOSE.toString(), "-f", brokenCopy().toString(), "config", "-q");
    assertThat(broken.exit()).isNotZero();
    assertThat(broken.output()).contains("when_ready");
  }

  @Test
  void servicesStartInOrderRunRealNewsflowCommandsAndAreScrapedByPrometheus() throws Exception {
    // The file as compose resolves it (anchors and merge keys applied, short forms expanded).
    assertThat(DOCKER_COMPOSE).as("Debian's docker-compose is needed: apt-get install -y docker-compose (see .ci/run)")
        .isExecutable();
    Run resolved = run(ROOT, DOCKER_COMPOSE.toString(), "-f", COMPOSE.toString(), "config");
    assertThat(resolved.exit()).as(resolved.output()).isZero();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode services = yaml.readTree(resolved.stdout()).path("services");
    assertThat(services.size()).isEqualTo(7);

    services.fields().forEachRemaining(s ->
        assertThat(s.getValue().path("healthcheck").path("test").isMissingNode()).as(s.getKey() + " health check").isFalse());
    assertThat(services.path("kafka").path("image").asText()).startsWith("apache/kafka:");
    assertThat(services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    assertThat(services.path("schema-registry").path("image").asText()).startsWith("confluentinc/cp-schema-registry:");
    assertThat(services.path("grafana").path("depends_on").path("prometheus").path("condition").asText())
        .isEqualTo("service_healthy");

    JsonNode scrape = yaml.readTree(ROOT.resolve("ops/prometheus.yml").toFile()).path("scrape_configs").get(0);
    List<String> targets = new ArrayList<>();
    scrape.path("static_configs").forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
    assertThat(scrape.path("metrics_path").asText()).isEqualTo("/metrics");

    for (String name : SERVICES) {
      JsonNode service = services.path(name);
      assertThat(service.path("build").path("context").asText()).as(name + " builds the repository's Dockerfile")
          .isEqualTo(ROOT.toString());
      for (String dependency : List.of("kafka", "schema-registry")) {
        assertThat(service.path("depends_on").path(dependency).path("condition").asText()).as(name + " waits for " + dependency)
            .isEqualTo("service_healthy");
      }
      List<String> command = new ArrayList<>();
      service.path("command").forEach(a -> command.add(a.asText()));
      assertThat(command).first().isEqualTo(name);
      assertThat(command).containsSubsequence("--bootstrap-servers", "kafka:9092")
          .containsSubsequence("--schema-registry-url", "http://schema-registry:8081")
          .containsSubsequence("--http-port", "8080");
      assertThat(targets).contains(name + ":8080");

      // The command line must parse: with --help appended, picocli rejects unknown flags before printing help.
      List<String> withHelp = new ArrayList<>(command);
      withHelp.add("--help");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int exit = Newsflow.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), withHelp.toArray(String[]::new));
      assertThat(exit).as(name + ": " + err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: newsflow " + name);
    }
  }

  /** The compose file with a start condition no compose version knows. */
  private Path brokenCopy() throws Exception {
    Path broken = dir.resolve("docker-compose.yml");
    Files.writeString(broken, Files.readString(COMPOSE).replace("condition: service_healthy", "condition: when_ready"));
    return broken;
  }

  private Run run(Path workingDir, String... command) throws Exception {
    Path stderr = Files.createTempFile(dir, "stderr", ".txt");
    Process process = new ProcessBuilder(command).directory(workingDir.toFile())
        .redirectError(ProcessBuilder.Redirect.to(stderr.toFile())).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
    return new Run(process.exitValue(), stdout, Files.readString(stderr));
  }
}
