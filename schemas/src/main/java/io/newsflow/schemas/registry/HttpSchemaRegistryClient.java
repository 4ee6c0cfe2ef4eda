package io.newsflow.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client of the Confluent Schema Registry REST API (also served by Karapace, Apicurio's ccompat
 * API, Redpanda and {@code LocalSchemaRegistry}). Ids and schemas are immutable, so both are cached.
 */
public final class HttpSchemaRegistryClient implements SchemaRegistry {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUri;
  private final HttpClient http;
  private final Duration timeout;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

  public HttpSchemaRegistryClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(10));
  }

  public HttpSchemaRegistryClient(String baseUrl, Duration timeout) {
    this.baseUri = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public String baseUrl() {
    return baseUri.toString();
  }

  @Override
  public int register(String subject, Schema schema) {
    String key = subject + "\u0000" + schema;
    Integer cached = idsBySubjectAndSchema.get(key);
    if (cached != null) {
      return cached;
    }
    JsonNode reply = send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema));
    int id = reply.get("id").asInt();
    idsBySubjectAndSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id,
        i -> parse(send("GET", "schemas/ids/" + i, null).get("schema").asText()));
  }

  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    send("GET", "subjects", null).forEach(n -> subjects.add(n.asText()));
    return subjects;
  }

  public List<Integer> versions(String subject) {
    List<Integer> versions = new ArrayList<>();
    send("GET", "subjects/" + encode(subject) + "/versions", null).forEach(n -> versions.add(n.asInt()));
    return versions;
  }

  /** {@code version} is a number or {@code "latest"}. */
  public RegisteredSchema version(String subject, String version) {
    JsonNode n = send("GET", "subjects/" + encode(subject) + "/versions/" + encode(version), null);
    return new RegisteredSchema(n.get("subject").asText(), n.get("version").asInt(), n.get("id").asInt(),
        parse(n.get("schema").asText()));
  }

  /** Whether {@code schema} could be registered under {@code subject} against its latest version. */
  public boolean isCompatible(String subject, Schema schema) {
    return send("POST", "compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
        .get("is_compatible").asBoolean();
  }

  /** Global compatibility level, e.g. BACKWARD. */
  public String compatibility() {
    return send("GET", "config", null).get("compatibilityLevel").asText();
  }

  public String setCompatibility(String level) {
    return send("PUT", "config", "{\"compatibility\":\"" + level + "\"}").get("compatibility").asText();
  }

  public String setCompatibility(String subject, String level) {
    return send("PUT", "config/" + encode(subject), "{\"compatibility\":\"" + level + "\"}")
        .get("compatibility").asText();
  }

  private static String schemaBody(Schema schema) {
    try {
      return JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode send(String method, String path, String body) {
    HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
        .timeout(timeout)
        .header("Accept", CONTENT_TYPE)
        .header("Content-Type", CONTENT_TYPE)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SchemaRegistryException("schema registry at " + baseUri + " unreachable: " + e.getMessage(), 0, 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted calling schema registry at " + baseUri, 0, 0, e);
    }
    JsonNode json;
    try {
      json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new SchemaRegistryException("schema registry at " + baseUri + " answered " + method + " " + path
          + " with non-JSON (HTTP " + response.statusCode() + ")", response.statusCode(), 0, e);
    }
    if (response.statusCode() >= 300) {
      int code = json.path("error_code").asInt(response.statusCode());
      String message = json.path("message").asText(response.body());
      throw new SchemaRegistryException("schema registry " + method + " " + path + " failed (HTTP "
          + response.statusCode() + ", error " + code + "): " + message, response.statusCode(), code);
    }
    return json;
  }
}
