package io.newsflow.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.platform.TestCluster;
import io.newsflow.schemas.avro.BodyFormat;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import io.newsflow.schemas.serde.AvroDeserializer;
import io.newsflow.schemas.serde.AvroSerde;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our Confluent wire format against an independent implementation: the npm package
 * {@code @kafkajs/confluent-schema-registry} (avsc underneath), both going through the local registry.
 * Needs Node.js on the PATH and {@code npm ci} run in {@code src/test/node} (the build does that in
 * pre-integration-test); without them the test fails, it never skips.
 */
class ConfluentWireFormatInteropIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path NODE_DIR =
      Paths.get(System.getProperty("basedir", System.getProperty("user.dir")), "src", "test", "node").toAbsolutePath();
  private static final long TIMEOUT_SECONDS = 60;
  private static final Instant PUBLISHED = Instant.ofEpochMilli(1_767_225_600_123L);
  private static final Instant INGESTED = Instant.ofEpochMilli(1_767_225_601_456L);

  private static String registryUrl;
  private static HttpSchemaRegistryClient client;

  @BeforeAll
  static void requireNodeAndRegistry() {
    String version = requireNode();
    if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@kafkajs/confluent-schema-registry"))) {
      fail("npm dependencies are missing in " + NODE_DIR + ": run `npm ci` there "
          + "(`./mvnw verify` does it in pre-integration-test); node is " + version);
    }
    registryUrl = TestCluster.schemaRegistryUrl();
    client = new HttpSchemaRegistryClient(registryUrl);
  }

  @Test
  void theNpmPackageDecodesWhatOurSerdeWrites(@TempDir Path dir) throws Exception {
    String topic = "interop-java-to-node-" + UUID.randomUUID();
    RawArticle article = article("Zürich – 東京: \"quotes\" and\nnewlines", PUBLISHED);
    byte[] bytes = AvroSerde.forValues(client, RawArticle.class).serializer().serialize(topic, article);

    assertHeader(bytes, client.version(topic + "-value", "latest").id());
    Path hexFile = Files.writeString(dir.resolve("record.hex"), HexFormat.of().formatHex(bytes));
    JsonNode decoded = JSON.readTree(node("decode", registryUrl, hexFile.toString()));

    assertThat(decoded.get("articleId").asText()).isEqualTo(article.getArticleId());
    assertThat(decoded.get("source").asText()).isEqualTo("wire");
    assertThat(decoded.get("url").asText()).isEqualTo("https://example.org/a");
    assertThat(decoded.get("guid").isNull()).isTrue();
    assertThat(decoded.get("title").asText()).isEqualTo(article.getTitle());
    assertThat(decoded.get("body").asText()).isEqualTo("<p>body</p>");
    assertThat(decoded.get("bodyFormat").asText()).isEqualTo("HTML");
    assertThat(decoded.get("language").asText()).isEqualTo("de");
    assertThat(decoded.get("author").isNull()).isTrue();
    assertThat(decoded.get("publishedAt").isIntegralNumber()).isTrue();
    assertThat(decoded.get("publishedAt").asLong()).isEqualTo(PUBLISHED.toEpochMilli());
    assertThat(decoded.get("ingestedAt").asLong()).isEqualTo(INGESTED.toEpochMilli());
    assertThat(decoded.get("origin").asText()).isEqualTo("test:1");
  }

  @Test
  void ourDeserializerReadsWhatTheNpmPackageEncodes(@TempDir Path dir) throws Exception {
    String topic = "interop-node-to-java-" + UUID.randomUUID();
    String subject = topic + "-value";
    Path schemaFile = Files.writeString(dir.resolve("schema.json"), RawArticle.getClassSchema().toString());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("articleId", "node-1");
    payload.put("source", "avsc");
    payload.put("url", null);
    payload.put("guid", "guid-7");
    payload.put("title", "Ünïcode ✓ from node");
    payload.put("body", "plain body");
    payload.put("bodyFormat", "TEXT");
    payload.put("language", null);
    payload.put("author", "A. Writer");
    payload.put("publishedAt", PUBLISHED.toEpochMilli());
    payload.put("ingestedAt", INGESTED.toEpochMilli());
    payload.put("origin", "node:interop.js");
    Path payloadFile = Files.writeString(dir.resolve("payload.json"), JSON.writeValueAsString(payload));

    JsonNode encoded = JSON.readTree(node("encode", registryUrl, subject, schemaFile.toString(), payloadFile.toString()));
    byte[] bytes = HexFormat.of().parseHex(encoded.get("hex").asText());
    int registryId = client.version(subject, "latest").id();
    assertThat(encoded.get("id").asInt()).isEqualTo(registryId);
    assertHeader(bytes, registryId);

    RawArticle article = new AvroDeserializer<>(client, RawArticle.class).deserialize(topic, bytes);
    assertThat(article.getArticleId()).isEqualTo("node-1");
    assertThat(article.getSource()).isEqualTo("avsc");
    assertThat(article.getUrl()).isNull();
    assertThat(article.getGuid()).isEqualTo("guid-7");
    assertThat(article.getTitle()).isEqualTo("Ünïcode ✓ from node");
    assertThat(article.getBody()).isEqualTo("plain body");
    assertThat(article.getBodyFormat()).isEqualTo(BodyFormat.TEXT);
    assertThat(article.getLanguage()).isNull();
    assertThat(article.getAuthor()).isEqualTo("A. Writer");
    assertThat(article.getPublishedAt()).isEqualTo(PUBLISHED);
    assertThat(article.getIngestedAt()).isEqualTo(INGESTED);
    assertThat(article.getOrigin()).isEqualTo("node:interop.js");
    assertThat(client.versions(subject)).containsExactly(1);
  }

  private static RawArticle article(String title, Instant publishedAt) {
    return RawArticle.newBuilder()
        .setArticleId("java-" + UUID.randomUUID())
        .setSource("wire")
        .setUrl("https://example.org/a")
        .setGuid(null)
        .setTitle(title)
        .setBody("<p>body</p>")
        .setBodyFormat(BodyFormat.HTML)
        .setLanguage("de")
        .setAuthor(null)
        .setPublishedAt(publishedAt)
        .setIngestedAt(INGESTED)
        .setOrigin("test:1")
        .build();
  }

  /** Magic byte 0, then the schema id as 4 bytes big-endian. */
  private static void assertHeader(byte[] bytes, int id) {
    assertThat(bytes.length).isGreaterThan(5);
    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  private static String requireNode() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("`node --version` did not answer within " + TIMEOUT_SECONDS + " s");
      }
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (process.exitValue() != 0) {
        fail("`node --version` failed: " + version);
      }
      return version;
    } catch (IOException e) {
      return fail("Node.js is required by ConfluentWireFormatInteropIT but `node` is not on the PATH ("
          + e.getMessage() + "); install Node.js 20 or later (Debian: apt-get install nodejs npm)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted waiting for node");
    }
  }

  /** Runs {@code node interop.js args...} in src/test/node and returns its standard output. */
  private static String node(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", "interop.js"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("interop-out", ".txt");
    Path err = Files.createTempFile("interop-err", ".txt");
    try {
      Process process = new ProcessBuilder(command).directory(NODE_DIR.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s; stderr: "
            + Files.readString(err));
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        fail(String.join(" ", command) + " exited with " + process.exitValue() + "; stderr: "
            + Files.readString(err) + "; stdout: " + stdout);
      }
      return stdout;
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
