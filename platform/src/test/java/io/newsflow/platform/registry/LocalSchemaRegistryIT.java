package io.newsflow.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.platform.TestCluster;
import io.newsflow.schemas.registry.HttpSchemaRegistryClient;
import io.newsflow.schemas.registry.RegisteredSchema;
import io.newsflow.schemas.registry.SchemaRegistryException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalSchemaRegistryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String V1 = """
      {"type":"record","name":"Note","namespace":"it","fields":[{"name":"text","type":"string"}]}""";
  /** V1 plus a field with a default: BACKWARD compatible. */
  private static final String V2 = """
      {"type":"record","name":"Note","namespace":"it","fields":[{"name":"text","type":"string"},
       {"name":"lang","type":["null","string"],"default":null}]}""";
  /** V1 plus a field without a default: not BACKWARD compatible. */
  private static final String V2_NO_DEFAULT = """
      {"type":"record","name":"Note","namespace":"it","fields":[{"name":"text","type":"string"},
       {"name":"lang","type":"string"}]}""";

  private static LocalSchemaRegistry registry;
  private static HttpSchemaRegistryClient client;

  @BeforeAll
  static void start() {
    registry = LocalSchemaRegistry.start(TestCluster.bootstrapServers(), 0, uniqueTopic());
    client = new HttpSchemaRegistryClient(registry.url());
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void registersAndServesSchemasInConfluentShapes() throws Exception {
    String subject = unique("shapes-value");
    int id = client.register(subject, parse(V1));

    assertThat(registry.url()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(client.schemaById(id)).isEqualTo(parse(V1));
    assertThat(client.subjects()).contains(subject);
    assertThat(client.versions(subject)).containsExactly(1);
    RegisteredSchema latest = client.version(subject, "latest");
    assertThat(latest).isEqualTo(new RegisteredSchema(subject, 1, id, parse(V1)));
    assertThat(client.version(subject, "1")).isEqualTo(latest);

    HttpResponse<String> byId = call("GET", "/schemas/ids/" + id, null);
    assertThat(byId.statusCode()).isEqualTo(200);
    assertThat(byId.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/vnd.schemaregistry.v1+json"));
    assertThat(fieldNames(json(byId))).containsExactly("schema");
    assertThat(parse(json(byId).get("schema").asText())).isEqualTo(parse(V1));

    JsonNode version = json(call("GET", "/subjects/" + subject + "/versions/latest", null));
    assertThat(fieldNames(version)).containsExactlyInAnyOrder("subject", "version", "id", "schema");
    assertThat(version.get("id").asInt()).isEqualTo(id);

    HttpResponse<String> raw = call("GET", "/subjects/" + subject + "/versions/1/schema", null);
    assertThat(parse(raw.body())).isEqualTo(parse(V1));

    JsonNode lookup = json(call("POST", "/subjects/" + subject, body(V1)));
    assertThat(lookup.get("subject").asText()).isEqualTo(subject);
    assertThat(lookup.get("version").asInt()).isEqualTo(1);
    assertThat(lookup.get("id").asInt()).isEqualTo(id);

    assertThat(json(call("GET", "/schemas/ids/" + id + "/versions", null)))
        .contains(JSON.valueToTree(Map.of("subject", subject, "version", 1)));
  }

  @Test
  void reRegisteringTheSameSchemaKeepsItsIdWhateverTheWhitespaceAndSubject() throws Exception {
    String subject = unique("same-value");
    int id = client.register(subject, parse(V1));

    String spaced = V1.replace(",", " ,\n   ").replace(":", " : ");
    HttpResponse<String> again = call("POST", "/subjects/" + subject + "/versions", body(spaced));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again)).isEqualTo(JSON.readTree("{\"id\":" + id + "}"));
    assertThat(client.versions(subject)).containsExactly(1);

    String other = unique("other-value");
    assertThat(json(call("POST", "/subjects/" + other + "/versions", body(V1))).get("id").asInt()).isEqualTo(id);
    assertThat(client.version(other, "latest").version()).isEqualTo(1);
  }

  @Test
  void aCompatibleChangeBecomesTheNextVersionAndAnIncompatibleOneIsRefusedWith409() throws Exception {
    String subject = unique("evolve-value");
    int id1 = client.register(subject, parse(V1));
    int id2 = client.register(subject, parse(V2));

    assertThat(id2).isNotEqualTo(id1);
    assertThat(client.versions(subject)).containsExactly(1, 2);
    assertThat(client.version(subject, "latest").id()).isEqualTo(id2);

    Schema incompatible = parse(V2_NO_DEFAULT.replace("\"lang\"", "\"region\""));
    assertThatThrownBy(() -> client.register(subject, incompatible))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.status()).isEqualTo(409);
          assertThat(e.errorCode()).isEqualTo(409);
        });
    HttpResponse<String> refused = call("POST", "/subjects/" + subject + "/versions", body(incompatible.toString()));
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.body()).doesNotContain("\n").doesNotContain("at io.");
    assertThat(json(refused).get("error_code").asInt()).isEqualTo(409);
    assertThat(json(refused).get("message").asText())
        .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\"")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(client.versions(subject)).containsExactly(1, 2);
  }

  @Test
  void theCompatibilityEndpointAnswersWithoutRegistering() throws Exception {
    String subject = unique("compat-value");
    assertThat(client.isCompatible(subject, parse(V1))).as("no versions yet").isTrue();
    client.register(subject, parse(V1));

    assertThat(client.isCompatible(subject, parse(V2))).isTrue();
    assertThat(client.isCompatible(subject, parse(V2_NO_DEFAULT))).isFalse();
    assertThat(json(call("POST", "/compatibility/subjects/" + subject + "/versions/1", body(V2_NO_DEFAULT))))
        .isEqualTo(JSON.readTree("{\"is_compatible\":false}"));
    assertThat(client.versions(subject)).containsExactly(1);

    HttpResponse<String> missingVersion = call("POST", "/compatibility/subjects/" + subject + "/versions/7", body(V2));
    assertThat(missingVersion.statusCode()).isEqualTo(404);
    assertThat(json(missingVersion).get("error_code").asInt()).isEqualTo(40402);
  }

  @Test
  void compatibilityLevelsAreConfigurableGloballyAndPerSubject() throws Exception {
    assertThat(client.compatibility()).isEqualTo("BACKWARD");

    String subject = unique("config-value");
    HttpResponse<String> unset = call("GET", "/config/" + subject, null);
    assertThat(unset.statusCode()).isEqualTo(404);
    assertThat(json(unset).get("error_code").asInt()).isEqualTo(40408);
    assertThat(json(call("GET", "/config/" + subject + "?defaultToGlobal=true", null)))
        .isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"BACKWARD\"}"));

    assertThat(client.setCompatibility(subject, "NONE")).isEqualTo("NONE");
    assertThat(json(call("GET", "/config/" + subject, null)))
        .isEqualTo(JSON.readTree("{\"compatibilityLevel\":\"NONE\"}"));
    client.register(subject, parse(V1));
    client.register(subject, parse(V2_NO_DEFAULT));
    assertThat(client.versions(subject)).containsExactly(1, 2);

    HttpResponse<String> invalid = call("PUT", "/config/" + subject, "{\"compatibility\":\"SIDEWAYS\"}");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(json(invalid).get("error_code").asInt()).isEqualTo(42203);

    String forward = unique("forward-value");
    assertThat(json(call("PUT", "/config/" + forward, "{\"compatibility\":\"FORWARD\"}")))
        .isEqualTo(JSON.readTree("{\"compatibility\":\"FORWARD\"}"));
    client.register(forward, parse(V2));
    // FORWARD: the latest must read what the new one writes; dropping the defaulted field is fine.
    assertThat(client.isCompatible(forward, parse(V1))).isTrue();
    client.register(forward, parse(V1));

    try {
      assertThat(client.setCompatibility("FULL_TRANSITIVE")).isEqualTo("FULL_TRANSITIVE");
      assertThat(client.compatibility()).isEqualTo("FULL_TRANSITIVE");
      assertThat(json(call("GET", "/config/" + subject + "?defaultToGlobal=true", null)).get("compatibilityLevel")
          .asText()).as("a subject's own level wins").isEqualTo("NONE");
    } finally {
      client.setCompatibility("BACKWARD");
    }
  }

  @Test
  void errorsAreOneLineConfluentJson() throws Exception {
    assertError(call("GET", "/schemas/ids/999999", null), 404, 40403);
    assertThat(json(call("GET", "/schemas/ids/999999", null)).get("message").asText()).isEqualTo("Schema not found");
    assertError(call("GET", "/subjects/" + unique("nobody") + "/versions", null), 404, 40401);
    assertError(call("GET", "/subjects/" + unique("nobody") + "/versions/latest", null), 404, 40401);
    String subject = unique("errors-value");
    client.register(subject, parse(V1));
    assertError(call("GET", "/subjects/" + subject + "/versions/5", null), 404, 40402);
    assertError(call("GET", "/subjects/" + subject + "/versions/abc", null), 422, 42202);
    assertError(call("POST", "/subjects/" + subject, body(V2)), 404, 40403);
    assertError(call("POST", "/subjects/" + unique("nobody"), body(V2)), 404, 40401);
    assertError(call("POST", "/subjects/" + subject + "/versions", body("{\"type\":\"record\",\"name\":\"x\"}")), 422, 42201);
    assertError(call("POST", "/subjects/" + subject + "/versions", "{\"schema\": "), 400, 400);
    assertError(call("GET", "/no/such/route", null), 404, 404);
    assertThatThrownBy(() -> client.schemaById(424242))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
  }

  @Test
  void acceptsAndAnswersPlainJsonToo() throws Exception {
    String subject = unique("plain-value");
    HttpRequest request = HttpRequest.newBuilder(URI.create(registry.url() + "/subjects/" + subject + "/versions"))
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(V1))).build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/json"));
    assertThat(json(response).get("id").asInt()).isPositive();
  }

  @Test
  void deletingASubjectHidesItButKeepsItsIdsAndVersionNumbers() throws Exception {
    String subject = unique("deleted-value");
    int id1 = client.register(subject, parse(V1));
    client.register(subject, parse(V2));

    assertThat(json(call("DELETE", "/subjects/" + subject, null))).isEqualTo(JSON.readTree("[1,2]"));
    assertThat(client.subjects()).doesNotContain(subject);
    assertThat(json(call("GET", "/subjects?deleted=true", null)).toString()).contains("\"" + subject + "\"");
    assertError(call("GET", "/subjects/" + subject + "/versions", null), 404, 40401);
    assertError(call("DELETE", "/subjects/" + subject, null), 404, 40401);
    assertThat(json(call("GET", "/schemas/ids/" + id1, null)).has("schema")).isTrue();

    // Registering again after a delete (raw: the client caches ids): same global id, the next version number.
    assertThat(json(call("POST", "/subjects/" + subject + "/versions", body(V1))).get("id").asInt()).isEqualTo(id1);
    assertThat(client.versions(subject)).containsExactly(3);
    assertThat(json(call("POST", "/subjects/" + subject + "/versions", body(V2))).has("id")).isTrue();
    assertThat(client.versions(subject)).containsExactly(3, 4);
  }

  @Test
  void idsAndVersionsSurviveARestartAndNewSchemasGetFreshIds() throws Exception {
    String topic = uniqueTopic();
    int id1;
    int id2;
    int idOther;
    String url;
    try (LocalSchemaRegistry first = LocalSchemaRegistry.start(TestCluster.bootstrapServers(), 0, topic)) {
      url = first.url();
      HttpSchemaRegistryClient c = new HttpSchemaRegistryClient(first.url());
      id1 = c.register("a-value", parse(V1));
      id2 = c.register("a-value", parse(V2));
      idOther = c.register("b-value",
          parse("{\"type\":\"record\",\"name\":\"Other\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}"));
      c.setCompatibility("b-value", "NONE");
      call(first.url(), "DELETE", "/subjects/b-value", null);
    }

    int port = URI.create(url).getPort();
    try (LocalSchemaRegistry second = LocalSchemaRegistry.start(TestCluster.bootstrapServers(), port, topic)) {
      HttpSchemaRegistryClient c = new HttpSchemaRegistryClient(second.url());
      assertThat(c.subjects()).containsExactly("a-value");
      assertThat(c.versions("a-value")).containsExactly(1, 2);
      assertThat(c.version("a-value", "1").id()).isEqualTo(id1);
      assertThat(c.version("a-value", "latest").id()).isEqualTo(id2);
      assertThat(json(call(second.url(), "GET", "/schemas/ids/" + idOther, null)).has("schema")).isTrue();
      assertThat(json(call(second.url(), "GET", "/config/b-value", null)).get("compatibilityLevel").asText())
          .isEqualTo("NONE");
      assertThat(c.register("a-value", parse(V2))).isEqualTo(id2);

      int fresh = c.register("c-value", parse(
          "{\"type\":\"record\",\"name\":\"Fresh\",\"fields\":[{\"name\":\"n\",\"type\":\"long\"}]}"));
      assertThat(fresh).isGreaterThan(Math.max(id1, Math.max(id2, idOther)));
      assertThat(c.register("b-value", parse(V1))).as("deleted subject, schema known").isEqualTo(id1);
      assertThat(c.versions("b-value")).containsExactly(2);
    }
  }

  @Test
  void fallsBackToAFreePortWhenThePreferredOneIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
         LocalSchemaRegistry other = LocalSchemaRegistry.start(
             TestCluster.bootstrapServers(), taken.getLocalPort(), registry.topic())) {
      assertThat(other.port()).isNotEqualTo(taken.getLocalPort()).isPositive();
      assertThat(call(other.url(), "GET", "/config", null).statusCode()).isEqualTo(200);
    }
  }

  private static void assertError(HttpResponse<String> response, int status, int errorCode) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("\n").doesNotContain("\tat ");
    JsonNode json = json(response);
    assertThat(fieldNames(json)).containsExactly("error_code", "message");
    assertThat(json.get("error_code").asInt()).isEqualTo(errorCode);
  }

  private static HttpResponse<String> call(String method, String path, String body) throws Exception {
    return call(registry.url(), method, path, body);
  }

  private static HttpResponse<String> call(String base, String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
        .header("Accept", "application/vnd.schemaregistry.v1+json, application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String body(String schema) throws Exception {
    return JSON.writeValueAsString(Map.of("schema", schema));
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String uniqueTopic() {
    return "_schemas-it-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
